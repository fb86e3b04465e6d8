using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Vault;

namespace EvidenceVault.Storage.Azure;

/// <summary>
/// Retention locks on Azure: always as blob index tags (checked before every destruction), and also as
/// native legal hold and time-based immutability where the container supports version-level WORM.
/// Azurite and containers without WORM answer 501 or 409; the vault then notes the fallback and relies
/// on the tags and the application rule, which <c>evidencevault doctor</c> reports.
/// </summary>
public sealed partial class AzureBlobVault
{
    private const string RetainUntilTag = "evidencevault-retain-until";
    private const string HoldsTag = "evidencevault-holds";

    private volatile string? nativeLockUnsupported;

    public Task<RetentionLock> ApplyLockAsync(Sha256Digest digest, RetentionLock wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var blob = Blob(VaultKeys.Original(digest));
        return RunStepAsync("set the retention lock of " + digest, async ct =>
        {
            var current = await ReadLockAsync(digest, ct);
            var applied = RetentionLock.Extend(current, wanted);
            await TrySetNativeLockAsync(digest, applied, ct);
            var tags = new Dictionary<string, string> { [RetainUntilTag] = applied.RetainUntil.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) };
            if (applied.Holds.Count > 0)
            {
                tags[HoldsTag] = string.Join(' ', applied.Holds);
            }

            await blob.SetTagsAsync(tags, cancellationToken: ct);
            return applied;
        }, cancellationToken);
    }

    public Task<RetentionLock?> GetLockAsync(Sha256Digest digest, CancellationToken cancellationToken) =>
        RunStepAsync("read the retention lock of " + digest, ct => new ValueTask<RetentionLock?>(ReadLockAsync(digest, ct)), cancellationToken);

    public Task DestroyOriginalAsync(Sha256Digest digest, CancellationToken cancellationToken) =>
        RunStepAsync("destroy original " + digest, async ct =>
        {
            var original = Blob(VaultKeys.Original(digest));
            if (await TryGetPropertiesAsync(original, ct) is null)
            {
                return true;
            }

            var current = await ReadLockAsync(digest, ct);
            var refusal = RetentionLock.Forbids(current, time.GetUtcNow());
            if (refusal is not null)
            {
                throw new VaultDeletionRefusedException(digest, refusal);
            }

            foreach (var kind in Enum.GetValues<DerivativeKind>())
            {
                await Blob(VaultKeys.Derivative(digest, kind)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
            }

            // Redacted copies are many per original, so they are found by listing rather than by kind.
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"derived/{digest.Hex}/redactions/" }, ct))
            {
                await Blob(item.Name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
            }

            await original.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
            return true;
        }, cancellationToken);

    public async Task<string> DescribeEnforcementAsync(CancellationToken cancellationToken)
    {
        if (nativeLockUnsupported is null)
        {
            // Probe once with a tiny blob of our own, so the report reflects what this account really does.
            await RunStepAsync("probe legal hold support", async ct =>
            {
                await EnsureContainerAsync(ct);
                var probe = Blob("system/immutability-probe");
                await probe.UploadAsync(BinaryData.FromString("probe"), overwrite: true, ct);
                await TrySetLegalHoldAsync(probe, false, ct);
                return true;
            }, cancellationToken);
        }

        return nativeLockUnsupported is { } why
            ? $"azure:{container.Name}: native legal hold / immutability not available ({why}); falling back to blob index tags and the application rule, destruction refused unless the tags allow it"
            : $"azure:{container.Name}: native legal hold and time-based immutability set on every original, plus blob index tags checked before destruction";
    }

    private async Task<RetentionLock?> ReadLockAsync(Sha256Digest digest, CancellationToken cancellationToken)
    {
        IDictionary<string, string> tags;
        try
        {
            tags = (await Blob(VaultKeys.Original(digest)).GetTagsAsync(cancellationToken: cancellationToken)).Value.Tags;
        }
        catch (RequestFailedException e) when (IsNotFound(e))
        {
            throw new VaultObjectMissingException(digest);
        }

        if (!tags.TryGetValue(RetainUntilTag, out var until)
            || !DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var retainUntil))
        {
            return null;
        }

        var holds = tags.TryGetValue(HoldsTag, out var text) ? text.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        return new RetentionLock(retainUntil, holds);
    }

    private async Task TrySetNativeLockAsync(Sha256Digest digest, RetentionLock applied, CancellationToken cancellationToken)
    {
        if (nativeLockUnsupported is not null)
        {
            return;
        }

        var blob = Blob(VaultKeys.Original(digest));
        if (await TrySetLegalHoldAsync(blob, applied.Holds.Count > 0, cancellationToken))
        {
            await blob.SetImmutabilityPolicyAsync(
                new BlobImmutabilityPolicy { ExpiresOn = applied.RetainUntil, PolicyMode = BlobImmutabilityPolicyMode.Unlocked },
                cancellationToken: cancellationToken);
        }
    }

    /// <summary>False (and the fallback noted) when the account or emulator does not implement legal hold.</summary>
    private async Task<bool> TrySetLegalHoldAsync(global::Azure.Storage.Blobs.BlobClient blob, bool hasHold, CancellationToken cancellationToken)
    {
        try
        {
            await blob.SetLegalHoldAsync(hasHold, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 501 or 400 or 409)
        {
            nativeLockUnsupported = $"{e.Status} {e.ErrorCode}";
            return false;
        }
    }
}
