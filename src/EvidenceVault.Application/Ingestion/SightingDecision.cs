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
            var action = candidate.Status == IngestStatus.Quarantined ? CustodyActions.Quarantined : CustodyActions.Ingested;

            // A recording without media work is linked at once; media work queues the link job itself once it knows the facts.
            return new IngestWrite(candidate, Sighting(candidate.Status), [custody.Entry(action, id, Details(candidate.Status))], hasMediaWork ? JobKind.Media : JobKind.Link, false);
        }

        var status = found.Sightings.Any(s => s.SourceKey == sourceKey) ? IngestStatus.AlreadyIngested : IngestStatus.Duplicate;
        var entries = new List<CustodyEntry> { custody.Entry(CustodyActions.SightedAgain, id, Details(status)) };
        var upgraded = fromUploader ? null : Upgrade(existing, found.Sightings);
        if (upgraded is null)
        {
            return new IngestWrite(existing, Sighting(status), entries, null, false);
        }

        entries.Add(custody.Entry(id, new FactsUpgradedDetails(
            candidate.SourcePath,
            origin.Basis.ToString(),
            new AttributedFacts(upgraded.Device?.Value, upgraded.Officer?.Value, upgraded.RecordedAt, upgraded.RecordedAtSource, upgraded.Mark),
            new AttributedFacts(existing.Device?.Value, existing.Officer?.Value, existing.RecordedAt, existing.RecordedAtSource, existing.Mark))));

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

    private object Details(IngestStatus status) => new
    {
        path = candidate.SourcePath,
        status = StatusText.Of(status),
        sha256 = candidate.Sha256.Hex,
        size = candidate.SizeBytes,
        reasons = candidate.Reasons.Select(r => r.Code),
    };
}

/// <summary>
/// A later sighting (<see cref="Path"/>) of a recording's bytes had better-founded facts (<see cref="Basis"/>, an
/// <see cref="AttributionBasis"/>), which replaced the recording's: the row's device, officer and time are <see cref="Facts"/>.
/// </summary>
public sealed record FactsUpgradedDetails(string Path, string Basis, AttributedFacts Facts, AttributedFacts Previous) : ICustodyDetails
{
    public static string Action => CustodyActions.FactsUpgraded;
}

/// <summary>Who recorded a recording, on which device and when, as the catalog row holds them.</summary>
public sealed record AttributedFacts(string? Device, string? Officer, DateTimeOffset? RecordedAt, string? RecordedAtSource, int? Mark);
