using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Vault;

public sealed partial class LocalFileVault
{
    public async Task<VaultPutOutcome> PutRedactionAsync(Sha256Digest original, Sha256Digest copy, StagedFile staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var target = PathOf(VaultKeys.Redaction(original, copy));

        // The key is the copy's own digest: what is already there must hash to it, like an original.
        return await Guard(original, () => PublishAsync(staged, target, existing => CompareExistingAsync(copy, existing, cancellationToken), cancellationToken));
    }

    public Task<Stream?> OpenRedactionAsync(Sha256Digest original, Sha256Digest copy, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Stream? stream = OpenRead(PathOf(VaultKeys.Redaction(original, copy)), copy);
        return Task.FromResult(stream);
    }
}
