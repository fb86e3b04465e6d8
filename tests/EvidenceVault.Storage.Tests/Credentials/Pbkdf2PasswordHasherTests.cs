using EvidenceVault.Storage.Credentials;

namespace EvidenceVault.Storage.Tests.Credentials;

public sealed class Pbkdf2PasswordHasherTests
{
    private readonly Pbkdf2PasswordHasher _hasher = new();

    [Fact]
    public void Hash_ThenVerify_RoundTripsWithAVersionedSelfDescribingString()
    {
        var hash = _hasher.Hash("correct horse battery staple");

        Assert.True(_hasher.Verify("correct horse battery staple", hash));
        Assert.StartsWith("pbkdf2-sha256$v1$600000$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongPassword_False() =>
        Assert.False(_hasher.Verify("correct horse battery stapler", _hasher.Hash("correct horse battery staple")));

    [Fact]
    public void Hash_SamePasswordTwice_DiffersBySalt() =>
        Assert.NotEqual(_hasher.Hash("执法记录仪每日归档保管好"), _hasher.Hash("执法记录仪每日归档保管好"));

    [Fact]
    public void Verify_HashMadeWithAnotherCost_StillVerifies()
    {
        var cheap = new Pbkdf2PasswordHasher(1000).Hash("correct horse battery staple");

        Assert.True(_hasher.Verify("correct horse battery staple", cheap));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("pbkdf2-sha256$v2$600000$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$v1$0$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$v1$1000$not base64!$AAAA")]
    public void Verify_MalformedHash_FalseNotThrow(string hash) =>
        Assert.False(_hasher.Verify("plain-text-password", hash));
}
