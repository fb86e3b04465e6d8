using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Inspections;

// 双随机 custody details: subject = inspection-pool/v<n> for pools, the task number (IT-<n>) for everything else.

public sealed record InspectionPoolChangedDetails(string Kind, long Version, string Sha256, int Members) : ICustodyDetails
{
    public static string Action => CustodyActions.InspectionPoolChanged;
}

public sealed record InspectionTaskCreatedDetails(
    string Matter, string? Category, string? Area, int Targets, int PerTarget, long TargetPool, long InspectorPool, string TargetDraw, string InspectorDraw, string SeedSource) : ICustodyDetails
{
    public static string Action => CustodyActions.InspectionTaskCreated;
}

/// <summary>The assignment as target → inspectors, the form verification compares against.</summary>
public sealed record InspectionTaskRevealedDetails(string Seed, string Algorithm, IReadOnlyList<string> Assignment) : ICustodyDetails
{
    public static string Action => CustodyActions.InspectionTaskRevealed;
}

public sealed record InspectorRecusedDetails(string Target, string Inspector, string Replacement, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.InspectionRecused;
}

public sealed record InspectionOutcomeRecordedDetails(string Target, string Result, string Handling, DateOnly Date) : ICustodyDetails
{
    public static string Action => CustodyActions.InspectionOutcomeRecorded;
}

public sealed record InspectionPublishedDetails(int Targets, DateTimeOffset PublishedAt) : ICustodyDetails
{
    public static string Action => CustodyActions.InspectionPublished;
}
