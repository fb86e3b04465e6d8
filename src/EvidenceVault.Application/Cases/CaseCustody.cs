using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Cases;

// The custody details of case changes, subject = the case number. They carry every column the row holds, so that
// `audit verify` can compare each case, activity, review, decision and link row with the entries written for it.

public sealed record CaseCreatedDetails(string Type, string Party, IReadOnlyList<string> Officers) : ICustodyDetails
{
    public static string Action => CustodyActions.CaseCreated;
}

public sealed record CaseClosedDetails(DateTimeOffset ClosedAt) : ICustodyDetails
{
    public static string Action => CustodyActions.CaseClosed;
}

/// <summary>A request to reopen a filed case: the requesting user and the reason.</summary>
public sealed record CaseReopenRequestedDetails(string RequestedBy, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.CaseReopenRequested;
}

/// <summary>A filed case opened again by two people: who asked, why, and who approved (the entry's actor).</summary>
public sealed record CaseReopenedDetails(string RequestedBy, string Reason, string ApprovedBy) : ICustodyDetails
{
    public static string Action => CustodyActions.CaseReopened;
}

/// <summary>An activity as added or changed: the whole row with its id.</summary>
public abstract record ActivityDetails(long ActivityId, string Stage, string Type, IReadOnlyList<string> Officers, DateTimeOffset Start, DateTimeOffset End, string? Place);

public sealed record ActivityAddedDetails(long ActivityId, string Stage, string Type, IReadOnlyList<string> Officers, DateTimeOffset Start, DateTimeOffset End, string? Place)
    : ActivityDetails(ActivityId, Stage, Type, Officers, Start, End, Place), ICustodyDetails
{
    public static string Action => CustodyActions.ActivityAdded;

    public static ActivityAddedDetails Of(CaseActivity a) => new(a.Id, a.Stage.ToString(), a.ActivityType, [.. a.Officers.Select(o => o.Value)], a.Start, a.End, a.Place);
}

public sealed record ActivityChangedDetails(long ActivityId, string Stage, string Type, IReadOnlyList<string> Officers, DateTimeOffset Start, DateTimeOffset End, string? Place)
    : ActivityDetails(ActivityId, Stage, Type, Officers, Start, End, Place), ICustodyDetails
{
    public static string Action => CustodyActions.ActivityChanged;

    public static ActivityChangedDetails Of(CaseActivity a) => new(a.Id, a.Stage.ToString(), a.ActivityType, [.. a.Officers.Select(o => o.Value)], a.Start, a.End, a.Place);
}

public sealed record LegalReviewRecordedDetails(string Reviewer, string Opinion, DateOnly Date) : ICustodyDetails
{
    public static string Action => CustodyActions.LegalReviewRecorded;
}

public sealed record CaseDecidedDetails(DateOnly Date, string Conclusion, bool Major) : ICustodyDetails
{
    public static string Action => CustodyActions.CaseDecided;
}

/// <summary>A disclosure step (<see cref="DisclosureStep"/>) done on a date.</summary>
public sealed record DisclosureRecordedDetails(string Step, DateOnly Date) : ICustodyDetails
{
    public static string Action => CustodyActions.DisclosureRecorded;
}

/// <summary>
/// A recording linked into the case: by hand (<see cref="Origin"/> <c>manual</c>, maybe a document type) or by the
/// automatic linker (with the activity whose window and officers matched).
/// </summary>
public sealed record RecordingLinkedDetails(
    string Recording,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ActivityId,
    string Stage,
    string Origin,
    string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DocumentType) : ICustodyDetails
{
    public static string Action => CustodyActions.RecordingLinked;
}

/// <summary>A link removed by hand, or by the linker when a changed activity no longer covers the recording.</summary>
public sealed record RecordingUnlinkedDetails(
    string Recording,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ActivityId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Origin,
    string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.RecordingUnlinked;
}
