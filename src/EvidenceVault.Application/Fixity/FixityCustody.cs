using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Fixity;

/// <summary>A batch of originals re-hashed and found intact, subject = the vault.</summary>
public sealed record FixityCheckedDetails(int Passed, IReadOnlyList<string> Recordings) : ICustodyDetails
{
    public static string Action => CustodyActions.FixityChecked;
}

/// <summary>An integrity incident opened, subject = the recording: what was expected, what was read, and by whom.</summary>
public sealed record IncidentRaisedDetails(long Incident, string Kind, string Expected, string? Actual, string DetectedBy) : ICustodyDetails
{
    public static string Action => CustodyActions.IncidentRaised;
}

public sealed record IncidentResolvedDetails(long Incident, string Kind, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.IncidentResolved;
}
