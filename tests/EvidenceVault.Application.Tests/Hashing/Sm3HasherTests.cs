using EvidenceVault.Application.Hashing;

namespace EvidenceVault.Application.Tests.Hashing;

public sealed class Sm3HasherTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Finish_GbT32905Vectors_MatchForNativeAndManaged(bool native)
    {
        using var abc = new Sm3Hasher(native);
        abc.Append("abc"u8);
        using var sixtyFour = new Sm3Hasher(native);
        for (var i = 0; i < 16; i++)
        {
            sixtyFour.Append("abcd"u8);
        }

        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", abc.Finish().Hex);
        Assert.Equal("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732", sixtyFour.Finish().Hex);
    }

    [Fact]
    public void IsNative_OnLinuxWithOpenSsl3_UsesOpenSsl() => Assert.True(new Sm3Hasher().IsNative);

    [Fact]
    public void Finish_LargeInput_NativeEqualsManaged()
    {
        var data = new byte[3_000_001];
        new Random(3).NextBytes(data);
        using var native = new Sm3Hasher(preferNative: true);
        using var managed = new Sm3Hasher(preferNative: false);

        native.Append(data);
        managed.Append(data);

        Assert.Equal(managed.Finish(), native.Finish());
    }
}
