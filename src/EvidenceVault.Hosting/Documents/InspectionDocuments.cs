using EvidenceVault.Application.Inspections;
using EvidenceVault.Domain.Inspections;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shapes of 双随机 pools and tasks, shared by the CLI and the HTTP API.</summary>
public static class InspectionDocuments
{
    public static InspectionPoolJson Pool(InspectionPool p) =>
        new(p.Version, PoolKind(p.Kind), p.Sha256.Hex, p.Members, p.ImportedBy, RecordingDocument.Time(p.ImportedAt));

    public static string PoolKind(InspectionPoolKind kind) => kind == InspectionPoolKind.Targets ? "targets" : "inspectors";

    public static InspectionPoolKind ParsePoolKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "targets" => InspectionPoolKind.Targets,
        "inspectors" => InspectionPoolKind.Inspectors,
        _ => throw new FormatException($"'{text}' is not a pool (targets or inspectors)."),
    };

    public static InspectionTaskJson Task(InspectionTask t, InspectionVerification? verification = null) => new(
        t.Id.ToString(),
        t.Matter,
        t.Filter.Category,
        t.Filter.Area,
        t.Targets,
        t.PerTarget,
        t.TargetPool,
        t.InspectorPool,
        t.TargetDraw.ToString(),
        t.InspectorDraw.ToString(),
        t.CreatedBy,
        RecordingDocument.Time(t.CreatedAt),
        RecordingDocument.Time(t.RevealedAt),
        t.Assignment is { } a ? [.. a.Select(x => new TargetAssignmentJson(x.Target, x.Inspectors))] : null,
        [.. t.Recusals.Select(Recusal)],
        [.. t.Outcomes.Select(Outcome)],
        RecordingDocument.Time(t.PublishedAt),
        verification?.Holds,
        verification?.Problems);

    public static InspectionOutcomeJson Outcome(InspectionOutcome o) =>
        new(o.Target, o.Result.ToString(), InspectionResults.Label(o.Result), o.Handling, o.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public static RecusalJson Recusal(Recusal r) => new(r.Target, r.Inspector, r.Replacement, r.Reason, r.By, RecordingDocument.Time(r.At));
}

public sealed record InspectionPoolJson(long Version, string Kind, string Sha256, int Members, string ImportedBy, string? ImportedAt);

/// <summary>A task; <c>verified</c> and <c>problems</c> are present when the task was replayed (show).</summary>
public sealed record InspectionTaskJson(
    string Id,
    string Matter,
    string? Category,
    string? Area,
    int Targets,
    int PerTarget,
    long TargetPool,
    long InspectorPool,
    string TargetDraw,
    string InspectorDraw,
    string CreatedBy,
    string? CreatedAt,
    string? RevealedAt,
    IReadOnlyList<TargetAssignmentJson>? Assignment,
    IReadOnlyList<RecusalJson> Recusals,
    IReadOnlyList<InspectionOutcomeJson> Outcomes,
    string? PublishedAt,
    bool? Verified,
    IReadOnlyList<string>? Problems);

public sealed record TargetAssignmentJson(string Target, IReadOnlyList<string> Inspectors);

public sealed record RecusalJson(string Target, string Inspector, string Replacement, string Reason, string By, string? At);

public sealed record InspectionOutcomeJson(string Target, string Result, string Label, string Handling, string Date);

public sealed record InspectionTaskListJson(IReadOnlyList<InspectionTaskJson> Tasks);
