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
    [InlineData("invoice\u202Egpj.exe", "invoice_gpj.exe")]
    [InlineData("a\u200Bb\uFEFF.mp4", "a_b_.mp4")]
    [InlineData("\u2066\u2069.mp4", "__.mp4")]
    public void Safe_ClientName_IsOneHarmlessSegment(string clientName, string expected) =>
        Assert.Equal(expected, UploadFileName.Safe(clientName));

    [Fact]
    public void Safe_VeryLongName_IsCutKeepingTheExtension()
    {
        var safe = UploadFileName.Safe(new string('x', 1000) + ".mp4");

        Assert.Equal(UploadFileName.MaxLength, safe.Length);
        Assert.EndsWith(".mp4", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_DecomposedName_IsNfc() =>
        Assert.Equal("Jos\u00E9.mp4", UploadFileName.Safe("Jose\u0301.mp4"));

    [Fact]
    public void Safe_UnpairedSurrogate_IsReplaced() =>
        Assert.Equal("a_b.mp4", UploadFileName.Safe("a" + '\uD800' + "b.mp4"));

    [Fact]
    public void Safe_LongNameOfAstralCharacters_IsNotCutInsideAPair()
    {
        // An odd start puts the cut between the halves of a pair.
        var safe = UploadFileName.Safe("x" + string.Concat(Enumerable.Repeat("\U00020BB7", 150)) + ".mp4");

        Assert.True(safe.Length <= UploadFileName.MaxLength);
        Assert.Equal(safe, safe.Normalize());
        Assert.EndsWith("\U00020BB7.mp4", safe, StringComparison.Ordinal);
    }
}
