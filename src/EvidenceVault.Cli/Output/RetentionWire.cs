using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Cli.Output;

/// <summary>JSON shapes and text lines for retention, holds and deletions.</summary>
internal static class RetentionWire
{
    public static object Retention(RecordingRetention r) => new
    {
        recordingId = r.Recording.Id.Value,
        officerId = r.Recording.Officer?.Value,
        recordedAt = Wire.Time(r.Inputs.RecordedAt),
        state = State(r.Term.State),
        expiresAt = Wire.Time(r.Term.ExpiresAt),
        rule = r.Term.Rule,
        considered = r.Term.Considered,
        category = r.Inputs.Category,
        marks = r.Inputs.Marks.Select(RecordingMarks.Name),
        holds = r.Inputs.Holds,
        flags = r.Flags.Select(f => new { code = f.Code, explanation = f.Explanation }),
    };

    public static object PlanItem(RetentionPlanItem i) => new
    {
        retention = Retention(i.Retention),
        blocker = i.Blocker,
        proposal = i.Proposal is { } p ? Proposal(p) : null,
    };

    public static string PlanLine(RetentionPlanItem i)
    {
        var t = i.Retention.Term;
        var when = t.ExpiresAt is { } e && t.IsDated ? e.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "-";
        var proposal = i.Proposal is { } p ? $"  [deletion {p.Id} {Wire.Kind(p.Status)}]" : "";
        var flags = i.Retention.Flags.Count > 0 ? $"  flags: {string.Join(",", i.Retention.Flags.Select(f => f.Code))}" : "";
        return $"{i.Retention.Recording.Id}  {State(t.State),-17} {when,-10}  {t.Rule}{flags}{proposal}";
    }

    public static object Proposal(DeletionProposal p) => new
    {
        id = p.Id,
        recordingId = p.Recording.Value,
        sha256 = p.Sha256.Hex,
        sizeBytes = p.SizeBytes,
        rule = p.Rule,
        status = Wire.Kind(p.Status),
        flags = p.Flags.Select(f => new { code = f.Code, explanation = f.Explanation }),
        proposedBy = p.ProposedBy,
        proposedAt = Wire.Time(p.ProposedAt),
        approvals = p.Approvals.Select(a => new { approver = a.Approver, reason = a.Reason, at = Wire.Time(a.At) }),
        destroyAfter = Wire.Time(p.DestroyAfter),
    };

    public static string ProposalLine(DeletionProposal p) =>
        $"deletion {p.Id}  {p.Recording}  {Wire.Kind(p.Status),-9} {p.Approvals.Count}/{DeletionProposal.RequiredApprovers} approvals  rule {p.Rule}"
        + (p.IsFlagged ? $"  FLAGGED: {string.Join("; ", p.Flags.Select(f => f.Explanation))}" : "")
        + (p.DestroyAfter is { } d ? $"  recoverable until {Wire.Time(d)}" : "");

    public static object Hold(LegalHold h) => new
    {
        id = h.Id,
        scope = Wire.Kind(h.Scope),
        target = h.Target,
        reason = h.Reason,
        authority = h.Authority,
        placedBy = h.PlacedBy,
        placedAt = Wire.Time(h.PlacedAt),
        active = h.IsActive,
        releasedAt = Wire.Time(h.ReleasedAt),
        releasedBy = h.ReleasedBy,
        releaseReason = h.ReleaseReason,
    };

    public static string HoldLine(LegalHold h) =>
        $"hold {h.Id}  {Wire.Kind(h.Scope)} {h.Target}  {(h.IsActive ? "active" : $"released {Wire.Time(h.ReleasedAt)}")}  by {h.PlacedBy}  authority: {h.Authority}  reason: {h.Reason}";

    private static string State(RetentionState state) => state switch
    {
        RetentionState.WaitingForCases => "waiting-for-case",
        _ => Wire.Kind(state),
    };
}
