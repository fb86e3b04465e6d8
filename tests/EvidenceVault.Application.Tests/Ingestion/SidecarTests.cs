using EvidenceVault.Application.Ingestion;

namespace EvidenceVault.Application.Tests.Ingestion;

public sealed class SidecarTests
{
    private const string Digest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    [Theory]
    [InlineData(Digest + "  VID_0001.MP4\n")]
    [InlineData(Digest + " *VID_0001.MP4")]
    [InlineData(Digest + "  DCIM/VID_0001.MP4")]
    [InlineData(Digest)]
    public void Parse_Sha256sumFormats_ReadDigest(string text) => Assert.Equal(Digest, Sidecar.Parse(text, "VID_0001.MP4")?.Hex);

    [Fact]
    public void Parse_SeveralLines_PicksTheLineForTheFile()
    {
        var other = new string('1', 64);
        Assert.Equal(Digest, Sidecar.Parse($"{other}  OTHER.MP4\n{Digest}  VID_0001.MP4\n", "VID_0001.MP4")?.Hex);
    }

    [Theory]
    [InlineData("not a hash")]
    [InlineData("")]
    [InlineData("1111111111111111111111111111111111111111111111111111111111111111  OTHER.MP4")]
    public void Parse_NoDigestForFile_ReturnsNull(string text) => Assert.Null(Sidecar.Parse(text, "VID_0001.MP4"));
}
