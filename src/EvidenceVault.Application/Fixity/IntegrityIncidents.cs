using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Recordings;

namespace EvidenceVault.Application.Fixity;

/// <summary>
/// Turns a failed re-hash of an original or a derivative (by the fixity scan, <c>verify</c>, or on the way out) into a
/// recorded integrity incident.
/// </summary>
public sealed class IntegrityIncidents(IFixityStore store, CustodyEntries entries, VerificationCache verified)
{
    /// <summary>Returns the new incident's id, or null when an open incident already covers this recording's same target.</summary>
    public Task<long?> RaiseAsync(RecordingEntry recording, FixityResult result, string detectedBy, CancellationToken cancellationToken)
    {
        verified.Forget(recording.Id);
        var subject = recording.Id.Value;
        var kind = result.IncidentKind;
        var expected = result.Expected?.Hex ?? string.Empty;
        var failure = entries.Entry(subject, IntegrityFailureDetails.Of(result, detectedBy));
        var incident = new IntegrityIncident(0, recording.Id, kind, entries.Now, failure.Details, IncidentStatus.Open);
        return store.RecordFailureAsync(
            new FixityCheck(recording.Id, entries.Now, false, result.Actual),
            failure,
            incident,
            id => entries.Entry(subject, new IncidentRaisedDetails(id, kind, expected, result.Actual, detectedBy)),
            cancellationToken);
    }
}

/// <summary>Incident kinds: <c>changed</c>/<c>missing</c> for an original, <c>proxy-changed</c> and so on for a derivative.</summary>
public static class IncidentKinds
{
    /// <summary>What an incident of this kind is about: <c>original</c>, <c>proxy</c> or <c>thumbnail</c>.</summary>
    public static string TargetOf(string kind) => kind.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 ? kind[..dash] : "original";
}
