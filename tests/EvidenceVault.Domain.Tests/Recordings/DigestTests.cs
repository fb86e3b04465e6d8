using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Tests.Recordings;

public sealed class DigestTests
{
    private const string Empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void Parse_UpperCaseHex_IsNormalisedToLowerCase() =>
        Assert.Equal(Empty, Sha256Digest.Parse(Empty.ToUpperInvariant()).Hex);

    [Theory]
    [InlineData("")]
    [InlineData("xyz")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
    [InlineData("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void TryParse_NotADigest_ReturnsFalse(string text) => Assert.False(Sha256Digest.TryParse(text, out _));

    [Fact]
    public void RecordingIdFor_SameDigest_IsStable() =>
        Assert.Equal("e3b0c44298fc1c149afb", RecordingId.For(Sha256Digest.Parse(Empty)).Value);

    [Fact]
    public void OfficerIdParse_ControlCharacters_Throws() => Assert.Throws<FormatException>(() => OfficerId.Parse("01\u0000203"));
}
