using EvidenceVault.Domain.Naming;

namespace EvidenceVault.Domain.Tests.Naming;

public sealed class RecorderNameParserTests
{
    private static readonly RecorderNameParser Parser = new(RecorderProfile.BuiltIn, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    [Fact]
    public void Parse_GaT947NameWithMark_ReadsEveryFieldInLocalTime()
    {
        var parsed = Parser.Parse("DCIM/100MEDIA/A123456_010203_20250301093015_0007_3.MP4");

        Assert.NotNull(parsed);
        Assert.Equal("gat947", parsed.Profile);
        Assert.Equal("A123456", parsed.Device);
        Assert.Equal("010203", parsed.Officer);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 30, 15, TimeSpan.FromHours(8)), parsed.RecordedAt);
        Assert.Equal(7, parsed.Sequence);
        Assert.Equal(3, parsed.Mark);
    }

    [Fact]
    public void Parse_GaT947NameWithoutMark_HasNoMark()
    {
        var parsed = Parser.Parse("B765432_123456_20251231235959_1.wav");

        Assert.NotNull(parsed);
        Assert.Null(parsed.Mark);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 15, 59, 59, TimeSpan.Zero), parsed.RecordedAt!.Value.ToUniversalTime());
    }

    [Theory]
    [InlineData("A123456_010203_20251301093015_0007.MP4")] // month 13
    [InlineData("A123456_010203_20250230093015_0007.MP4")] // 30 February
    [InlineData("A12345_010203_20250301093015_0007.MP4")] // six-character serial
    [InlineData("A123456_01020_20250301093015_0007.MP4")] // five-digit officer number
    [InlineData("A123456_010203_20250301093015_0007_6.MP4")] // mark outside 1-5
    [InlineData("VID_0001.MP4")]
    public void Parse_NameOutsideEveryProfile_ReturnsNull(string name) => Assert.Null(Parser.Parse(name));

    [Fact]
    public void Parse_AxisFolderAndFile_ReadsUserDeviceAndUtcTime()
    {
        var parsed = Parser.Parse("OFFICER7_B0A1C2D3_20250301_081500/20250301_081502_5f3c9a.mp4");

        Assert.NotNull(parsed);
        Assert.Equal("axis", parsed.Profile);
        Assert.Equal("OFFICER7", parsed.Officer);
        Assert.Equal("B0A1C2D3", parsed.Device);
        Assert.Equal("5f3c9a", parsed.RecorderFileId);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 8, 15, 2, TimeSpan.Zero), parsed.RecordedAt);
    }

    [Fact]
    public void Parse_AxisFileOutsideAxisFolder_DoesNotMatch() =>
        Assert.Null(Parser.Parse("random/20250301_081502_5f3c9a.mp4"));

    [Fact]
    public void Parse_CustomProfileFirst_WinsOverBuiltIn()
    {
        var custom = new RecorderProfile("custom", @"^(?<officer>\d{6})-(?<time>\d{14})\.mp4$", null, NameClock.Utc);
        var parser = new RecorderNameParser([custom, .. RecorderProfile.BuiltIn], TimeZoneInfo.Utc);

        var parsed = parser.Parse("123456-20250101000000.mp4");

        Assert.Equal("custom", parsed?.Profile);
        Assert.Equal(TimeSpan.Zero, parsed?.RecordedAt?.Offset);
    }
}
