using System.Text;
using EvidenceVault.Application.Signing;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Application.Tests.Signing;

public class EvidenceSignaturesTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("manifest-sha256.txt digest");

    [Theory]
    [InlineData(SignatureAlgorithm.Ed25519)]
    [InlineData(SignatureAlgorithm.Sm2Sm3)]
    public void Verify_OwnSignature_TrueAndTamperedFalse(SignatureAlgorithm algorithm)
    {
        var signer = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(algorithm));
        var signature = signer.Sign(Message);

        Assert.Equal(algorithm, signer.PublicKey.Algorithm);
        Assert.True(EvidenceSignatures.Verify(algorithm, signer.PublicKey.Bytes, Message, signature));
        Assert.False(EvidenceSignatures.Verify(algorithm, signer.PublicKey.Bytes, Encoding.UTF8.GetBytes("manifest-sha256.txt digesT"), signature));
        signature[^1] ^= 1;
        Assert.False(EvidenceSignatures.Verify(algorithm, signer.PublicKey.Bytes, Message, signature));
    }

    [Theory]
    [InlineData(SignatureAlgorithm.Ed25519)]
    [InlineData(SignatureAlgorithm.Sm2Sm3)]
    public void Verify_AnotherKeysSignature_False(SignatureAlgorithm algorithm)
    {
        var vault = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(algorithm));
        var attacker = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(algorithm));

        Assert.False(vault.PublicKey.Verify(Message, attacker.Sign(Message)));
        Assert.NotEqual(vault.PublicKey.Fingerprint, attacker.PublicKey.Fingerprint);
    }

    [Fact]
    public void Verify_MalformedKeyOrSignature_FalseNotThrow()
    {
        Assert.False(EvidenceSignatures.Verify(SignatureAlgorithm.Ed25519, [1, 2, 3], Message, [4, 5]));
        Assert.False(EvidenceSignatures.Verify(SignatureAlgorithm.Sm2Sm3, new byte[65], Message, new byte[70]));
    }

    [Theory]
    [InlineData(SignatureAlgorithm.Ed25519)]
    [InlineData(SignatureAlgorithm.Sm2Sm3)]
    public void FromPem_ToPemOfPublicKey_RoundTrips(SignatureAlgorithm algorithm)
    {
        var key = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(algorithm)).PublicKey;

        var read = EvidencePublicKey.FromPem(key.ToPem());

        Assert.NotNull(read);
        Assert.Equal(key.Algorithm, read.Algorithm);
        Assert.Equal(key.Bytes, read.Bytes);
        Assert.Equal(key.KeyId, read.KeyId);
        Assert.Null(EvidencePublicKey.FromPem("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n"));
    }

    [Fact]
    public void CheckpointNotes_SignedCheckpoint_VerifiesAfterFormatAndParse()
    {
        var signer = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(SignatureAlgorithm.Ed25519));
        var checkpoint = Checkpoint.Of("evidencevault.example/ledger", 42, MerkleTree.LeafHash([1]), new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

        var text = CheckpointNotes.Sign(checkpoint, signer).Format();
        var parsed = SignedCheckpoint.Parse(text);

        Assert.NotNull(parsed);
        Assert.Equal(checkpoint, parsed.Checkpoint);
        Assert.Equal(signer.PublicKey, CheckpointNotes.VerifiedBy(parsed, [signer.PublicKey]));
    }

    [Fact]
    public void CheckpointNotes_RewrittenSizeOrForeignKey_NotVerified()
    {
        var signer = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(SignatureAlgorithm.Ed25519));
        var attacker = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(SignatureAlgorithm.Ed25519));
        var checkpoint = Checkpoint.Of("evidencevault.example/ledger", 42, MerkleTree.LeafHash([1]), new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var text = CheckpointNotes.Sign(checkpoint, signer).Format();

        // An insider who drops entries rewrites the size: the signature no longer covers the body.
        var truncated = SignedCheckpoint.Parse(text.Replace("\n42\n", "\n40\n", StringComparison.Ordinal));
        Assert.NotNull(truncated);
        Assert.Null(CheckpointNotes.VerifiedBy(truncated, [signer.PublicKey]));
        Assert.Null(CheckpointNotes.VerifiedBy(CheckpointNotes.Sign(checkpoint, attacker), [signer.PublicKey]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("origin\n42\n")]
    [InlineData("origin\nxx\nAAAA\ntime 2026-12-03T08:00:00Z\n\n\u2014 origin AAAAAAAA\n")]
    [InlineData("origin\n42\nnot-base64!\ntime 2026-12-03T08:00:00Z\n\n\u2014 origin AAAAAAAA\n")]
    public void SignedCheckpoint_Parse_HostileText_Null(string text)
    {
        Assert.Null(SignedCheckpoint.Parse(text));
    }
}
