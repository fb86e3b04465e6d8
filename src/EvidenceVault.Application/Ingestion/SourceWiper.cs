using System.Security.Cryptography;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Ingestion;

namespace EvidenceVault.Application.Ingestion;

/// <summary>
/// Deletes a device copy, but only after re-reading the stored original in full and finding the same
/// SHA-256: a wipe is irreversible, so it gets a verification of its own.
/// </summary>
public sealed class SourceWiper(IVault vault, ICustodyLog custody, CustodyEntries entries)
{
    public async Task<IngestItem> WipeAsync(IRecorderSource source, SourceEntry entry, SidecarLookup sidecars, IngestItem item, CancellationToken cancellationToken)
    {
        if (item.Sha256 is not { } digest || item.Status is IngestStatus.Rejected or IngestStatus.Ignored or IngestStatus.Failed)
        {
            return item;
        }

        try
        {
            await using (var stored = await vault.OpenOriginalAsync(digest, cancellationToken))
            {
                var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stored, cancellationToken));
                if (actual != digest.Hex)
                {
                    return WithReason(item, $"Not wiped: the stored copy hashes to {actual}, not {digest}.");
                }
            }

            await source.DeleteAsync(entry, cancellationToken);
            if (sidecars.SidecarOf(entry.RelativePath) is { } sidecar)
            {
                await source.DeleteAsync(sidecar, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or VaultException)
        {
            return WithReason(item, $"Not wiped: {ex.Message}");
        }

        var details = new SourceWipedDetails(source.Location, entry.RelativePath, digest.Hex);
        await custody.AppendAsync(entries.Entry(item.RecordingId?.Value ?? digest.Hex, details), cancellationToken);
        return item with { Wiped = true };
    }

    private static IngestItem WithReason(IngestItem item, string message) =>
        item with { Reasons = [.. item.Reasons, new Reason(ReasonCodes.WipeFailed, message)] };
}
