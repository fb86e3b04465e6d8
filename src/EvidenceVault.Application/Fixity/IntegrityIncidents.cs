using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Recordings;

namespace EvidenceVault.Application.Fixity;

/// <summary>Turns a failed re-hash (by the fixity scan or on the way out in an export) into a recorded integrity incident.</summary>
public sealed class IntegrityIncidents(IFixityStore store, CustodyEntries entries)
{
    /// <summary>Returns the new incident's id, or null when an open incident already covers this recording.</summary>
    public Task<long?> RaiseAsync(RecordingEntry recording, FixityResult result, string detectedBy, CancellationToken cancellationToken)
    {
        var subject = recording.Id.Value;
        var kind = result.State.ToString().ToLowerInvariant();
        var failure = entries.Entry(subject, new IntegrityFailureDetails(kind, result.Expected.Hex, result.Actual, detectedBy, null));
        var incident = new IntegrityIncident(0, recording.Id, kind, entries.Now, failure.Details, IncidentStatus.Open);
        return store.RecordFailureAsync(
            new FixityCheck(recording.Id, entries.Now, false, result.Actual),
            failure,
            incident,
            id => entries.Entry(subject, new IncidentRaisedDetails(id, kind, result.Expected.Hex, result.Actual, detectedBy)),
            cancellationToken);
    }
}
