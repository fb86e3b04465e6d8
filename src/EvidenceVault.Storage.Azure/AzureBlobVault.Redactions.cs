using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Vault;

namespace EvidenceVault.Storage.Azure;

public sealed partial class AzureBlobVault
{
    public async Task<VaultPutOutcome> PutRedactionAsync(Sha256Digest original, Sha256Digest copy, StagedFile staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        staged.EnsureComplete();
        var blob = Blob(VaultKeys.Redaction(original, copy));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["original"] = original.Hex, ["sha256"] = copy.Hex };

        // Keyed by its own digest: a blob already there holds these bytes (readers compare them with the catalog anyway).
        var outcome = await RunStepAsync($"store redacted copy {copy} of {original}", async ct =>
            await TryGetPropertiesAsync(blob, ct) is null && await TryUploadAsync(blob, staged, metadata, ct)
                ? VaultPutOutcome.Created
                : VaultPutOutcome.AlreadyPresent, cancellationToken);

        File.Delete(staged.Path);
        return outcome;
    }

    public async Task<Stream?> OpenRedactionAsync(Sha256Digest original, Sha256Digest copy, CancellationToken cancellationToken)
    {
        var blob = Blob(VaultKeys.Redaction(original, copy));
        return await RunStepAsync<Stream?>($"open redacted copy {copy} of {original}", async _ =>
        {
            var download = await TryDownloadAsync(blob, cancellationToken);
            return download is null ? null : new VerifyingReadStream(download.Content, download.Details.ContentLength, null, container.Name);
        }, cancellationToken);
    }
}
