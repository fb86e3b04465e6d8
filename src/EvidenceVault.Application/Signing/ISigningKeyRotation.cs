namespace EvidenceVault.Application.Signing;

/// <summary>Replaces the vault signing key in the keys folder; the old key is kept (under its key id), never deleted.</summary>
public interface ISigningKeyRotation
{
    /// <summary>
    /// Makes a new key with the current key's algorithm, hands the old and new signers to <paramref name="record"/> (which
    /// writes the ledger entry) and only then puts the new key in place; from then on the vault signs with it.
    /// </summary>
    Task<IEvidenceSigner> RotateAsync(Func<IEvidenceSigner, IEvidenceSigner, Task> record, CancellationToken cancellationToken);
}
