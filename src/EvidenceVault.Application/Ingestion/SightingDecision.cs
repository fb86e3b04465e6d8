using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Domain.Ingestion;

namespace EvidenceVault.Application.Ingestion;

/// <summary>
/// Decides, from what the catalog's insert found and inside its write transaction, what one sighting of a file's bytes
/// is: a new recording (stored or quarantined), the same source seen again, or a duplicate; and whether its facts are
/// better founded than the recording's, so that the recording keeps the best-founded facts whichever copy came first.
/// An officer's own upload never changes an existing recording: its claims are only the uploader's word.
/// </summary>
internal sealed class SightingDecision(RecordingEntry candidate, Provenance origin, bool fromUploader, string sourceKey, bool hasMediaWork, CustodyEntries custody)
{
    public IngestWrite Decide(IngestFound found)
    {
        var id = candidate.Id.Value;
        if (found.Existing is not { } existing)
        {
            // A recording without media work is linked at once; media work queues the link job itself once it knows the facts.
            return new IngestWrite(candidate, Sighting(candidate.Status), [Created(id)], hasMediaWork ? JobKind.Media : JobKind.Link, false);
        }

        var status = found.Sightings.Any(s => s.SourceKey == sourceKey) ? IngestStatus.AlreadyIngested : IngestStatus.Duplicate;
        var entries = new List<CustodyEntry> { custody.Entry(id, new RecordingSightedDetails(candidate.SourcePath, StatusText.Of(status), candidate.Sha256.Hex, candidate.SizeBytes, Codes)) };
        var upgraded = fromUploader ? null : Upgrade(existing, found.Sightings);
        if (upgraded is null)
        {
            return new IngestWrite(existing, Sighting(status), entries, null, false);
        }

        entries.Add(custody.Entry(id, new FactsUpgradedDetails(
            candidate.SourcePath,
            origin.Basis.ToString(),
            AttributedFacts.Of(upgraded),
            AttributedFacts.Of(existing))));

        // Better facts can change which activity the recording belongs to.
        return new IngestWrite(upgraded, Sighting(status), entries, JobKind.Link, true);
    }

    /// <summary>The recording with this sighting's device and officer, and its time, where each is better founded; null when neither is.</summary>
    private RecordingEntry? Upgrade(RecordingEntry existing, IReadOnlyList<Sighting> sightings)
    {
        // Sightings from before bases were kept count as declared: only a device binding replaces what they said.
        var held = sightings.Count == 0 ? AttributionBasis.None : sightings.Max(s => s.Basis ?? AttributionBasis.Declared);
        var who = origin.Basis > held;
        var when = RecordedTimeSource.Rank(origin.RecordedAtSource) > RecordedTimeSource.Rank(existing.RecordedAtSource);
        if (!who && !when)
        {
            return null;
        }

        var notes = origin.Notes.Where(n => n.Code != ReasonCodes.TimeFromFileSystem && existing.Reasons.All(r => r.Code != n.Code));
        return existing with
        {
            Device = who ? origin.Device : existing.Device,
            Officer = who ? origin.Officer : existing.Officer,
            RecordedAt = when ? origin.RecordedAt : existing.RecordedAt,
            RecordedAtSource = when ? origin.RecordedAtSource : existing.RecordedAtSource,
            Mark = when ? origin.Mark : existing.Mark,
            Reasons = [.. existing.Reasons.Where(r => !(when && r.Code == ReasonCodes.TimeFromFileSystem)), .. notes],
        };
    }

    private Sighting Sighting(IngestStatus status) =>
        new(candidate.Id, sourceKey, candidate.SourcePath, StatusText.Of(status), candidate.IngestedAt) { Basis = origin.Basis };

    private IReadOnlyList<string> Codes => [.. candidate.Reasons.Select(r => r.Code)];

    /// <summary>The entry of a new recording, carrying the facts its row was given so that <c>audit verify</c> finds them edited.</summary>
    private CustodyEntry Created(string id)
    {
        var (path, status, sha256, size, facts) = (candidate.SourcePath, StatusText.Of(candidate.Status), candidate.Sha256.Hex, candidate.SizeBytes, AttributedFacts.Of(candidate));
        return candidate.Status == IngestStatus.Quarantined
            ? custody.Entry(id, new RecordingQuarantinedDetails(path, status, sha256, size, Codes, candidate.Sm3?.Hex, facts, null, null))
            : custody.Entry(id, new RecordingIngestedDetails(path, status, sha256, size, Codes, candidate.Sm3?.Hex, facts));
    }
}

/// <summary>
/// A later sighting (<see cref="Path"/>) of a recording's bytes had better-founded facts (<see cref="Basis"/>, an
/// <see cref="AttributionBasis"/>), which replaced the recording's: the row's device, officer and time are <see cref="Facts"/>.
/// </summary>
public sealed record FactsUpgradedDetails(string Path, string Basis, AttributedFacts Facts, AttributedFacts Previous) : ICustodyDetails
{
    public static string Action => CustodyActions.FactsUpgraded;
}
