using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Sources;

namespace EvidenceVault.Application.Ingestion;

/// <summary>A source file after stage 1: either staged (path + digests) or already finished (rejected, failed).</summary>
public sealed record StagedSource(SourceEntry Entry, string? Path, CopyResult? Copy, IngestItem? Finished)
{
    public static StagedSource Done(SourceEntry entry, IngestItem item) => new(entry, null, null, item);
}
