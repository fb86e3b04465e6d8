using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Jobs;

namespace EvidenceVault.Application.Catalog;

/// <summary>
/// What the catalog found for a file's bytes inside the ingest's write transaction: nothing (<see cref="Existing"/> is
/// null, the insert made the recording), or the recording already catalogued and its earlier sightings.
/// </summary>
public sealed record IngestFound(RecordingEntry? Existing, IReadOnlyList<Sighting> Sightings);

/// <summary>
/// What one ingest writes, decided from <see cref="IngestFound"/>: the recording as it stands afterwards, the sighting,
/// the custody entries in order and the job to queue (if any). With <see cref="FactsChanged"/> the recording's
/// device, officer, recording time (with its source), mark and reasons are replaced by <see cref="Recording"/>'s.
/// </summary>
public sealed record IngestWrite(RecordingEntry Recording, Sighting Sighting, IReadOnlyList<CustodyEntry> Custody, JobKind? Job, bool FactsChanged);
