using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Vault;

namespace EvidenceVault.Application.Ingestion;

/// <summary>
/// A source file after stage 1: staged (path + digests), handed over (bytes the vault adopts where they are), or
/// already finished (rejected, failed).
/// </summary>
public sealed record StagedSource(SourceEntry Entry, string? Path, CopyResult? Copy, IngestItem? Finished)
{
    /// <summary>Set instead of <see cref="Path"/> when the source hands its bytes over (a finished upload).</summary>
    public IStagedObject? HandedOver { get; init; }

    public static StagedSource Done(SourceEntry entry, IngestItem item) => new(entry, null, null, item);
}
