using EvidenceVault.Application.Signing;

namespace EvidenceVault.Application.Tests.Signing;

public sealed class KeyRotationTests
{
    private static IEvidenceSigner NewKey(SignatureAlgorithm algorithm = SignatureAlgorithm.Ed25519) =>
        EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(algorithm));

    [Fact]
    public void TrustedKeys_TwoRotationsEndingAtTheCurrentKey_TrustsAllThree()
    {
        var (first, second, third) = (NewKey(), NewKey(SignatureAlgorithm.Sm2Sm3), NewKey());
        var rotations = new List<(long, KeyRotatedDetails?)> { (5, KeyRotatedDetails.Sign(first, second)), (9, KeyRotatedDetails.Sign(second, third)) };

        var (keys, unverified) = TrustedKeys.From(third.PublicKey, rotations);

        Assert.Equal([third.PublicKey.Fingerprint, second.PublicKey.Fingerprint, first.PublicKey.Fingerprint], keys.Select(k => k.Fingerprint));
        Assert.Empty(unverified);
    }

    [Fact]
    public void TrustedKeys_RotationSignedOnlyByTheOldKeyClaimingTheCurrentOne_NotTrustedAndNamed()
    {
        var (current, forger) = (NewKey(), NewKey());
        var forged = KeyRotatedDetails.Sign(forger, forger) with { KeyId = current.PublicKey.KeyId, PublicKey = Convert.ToBase64String(current.PublicKey.Bytes) };

        var (keys, unverified) = TrustedKeys.From(current.PublicKey, [(7, forged)]);

        Assert.Equal([current.PublicKey.Fingerprint], keys.Select(k => k.Fingerprint));
        Assert.Equal([7L], unverified);
    }

    [Fact]
    public void TrustedKeys_GenuineRotationToAKeyNoLongerInUse_DoesNotReachTheCurrentKey()
    {
        var (old, other, current) = (NewKey(), NewKey(), NewKey());

        var (keys, _) = TrustedKeys.From(current.PublicKey, [(3, KeyRotatedDetails.Sign(old, other))]);

        Assert.Equal([current.PublicKey.Fingerprint], keys.Select(k => k.Fingerprint));
    }
}
