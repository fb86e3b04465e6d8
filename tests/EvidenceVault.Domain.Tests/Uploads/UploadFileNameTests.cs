using EvidenceVault.Domain.Uploads;

namespace EvidenceVault.Domain.Tests.Uploads;

public sealed class UploadFileNameTests
{
    [Theory]
    [InlineData("ABC1234_123456_20250302081500_0001_3.MP4", "ABC1234_123456_20250302081500_0001_3.MP4")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\Windows\\evil.mp4", "evil.mp4")]
    [InlineData("a\u0000b\u001Fc.jpg", "a_b_c.jpg")]
    [InlineData("._resource.mp4", "_resource.mp4")]
    [InlineData("..", "upload")]
    [InlineData("dir/", "upload")]
    [InlineData("   ", "upload")]
    public void Safe_ClientName_IsOneHarmlessSegment(string clientName, string expected) =>
        Assert.Equal(expected, UploadFileName.Safe(clientName));

    [Fact]
    public void Safe_VeryLongName_IsCutKeepingTheExtension()
    {
        var safe = UploadFileName.Safe(new string('x', 1000) + ".mp4");

        Assert.Equal(UploadFileName.MaxLength, safe.Length);
        Assert.EndsWith(".mp4", safe, StringComparison.Ordinal);
    }
}
