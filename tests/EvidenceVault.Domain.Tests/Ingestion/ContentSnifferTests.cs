using System.Text;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Tests.Ingestion;

public sealed class ContentSnifferTests
{
    [Theory]
    [InlineData("000000186674797069736f6d", "mp4", RecordingKind.Video)]
    [InlineData("00000018667479704d344120", "m4a", RecordingKind.Audio)]
    [InlineData("000000186674797071742020", "mov", RecordingKind.Video)]
    [InlineData("52494646000000005741564566", "wav", RecordingKind.Audio)]
    [InlineData("524946460000000041564920", "avi", RecordingKind.Video)]
    [InlineData("ffd8ffe000104a464946", "jpeg", RecordingKind.Photo)]
    [InlineData("89504e470d0a1a0a0000", "png", RecordingKind.Photo)]
    [InlineData("255044462d312e37", "pdf", RecordingKind.Text)]
    [InlineData("1a45dfa3a3428681", "matroska", RecordingKind.Video)]
    [InlineData("2321414d520a", "amr", RecordingKind.Audio)]
    [InlineData("4944330300000000", "mp3", RecordingKind.Audio)]
    public void Sniff_KnownMagicNumbers_DetectFormatAndKind(string hex, string format, RecordingKind kind)
    {
        var detected = ContentSniffer.Sniff(Convert.FromHexString(hex));

        Assert.Equal(format, detected.Format);
        Assert.Equal(kind, detected.Kind);
    }

    [Fact]
    public void Sniff_Utf8ChineseText_IsText() =>
        Assert.Equal(RecordingKind.Text, ContentSniffer.Sniff(Encoding.UTF8.GetBytes("现场笔录\n当事人：张三\n")).Kind);

    [Fact]
    public void Sniff_RandomBytes_IsUnknown()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[0] = 0x00;

        Assert.False(ContentSniffer.Sniff(bytes).IsKnown);
    }

    [Fact]
    public void Sniff_OfficeOpenXmlZip_IsTextRecord()
    {
        var header = Encoding.ASCII.GetBytes("PK\u0003\u0004\u0014\0\0\0\0\0[Content_Types].xml");

        Assert.Equal(new DetectedContent("office", RecordingKind.Text), ContentSniffer.Sniff(header));
    }
}
