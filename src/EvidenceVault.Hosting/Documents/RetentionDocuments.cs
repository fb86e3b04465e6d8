using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shapes of retention terms, deletion proposals and legal holds, shared by the CLI and the HTTP API.</summary>
public static class RetentionDocuments
{
    public static object Retention(RecordingRetention r) => new
    {
        recordingId = r.Recording.Id.Value,
        officerId = r.Recording.Officer?.Value,
        recordedAt = RecordingDocument.Time(r.Inputs.RecordedAt),
        state = State(r.Term.State),
        expiresAt = RecordingDocument.Time(r.Term.ExpiresAt),
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

    public static object Proposal(DeletionProposal p) => new
    {
        id = p.Id,
        recordingId = p.Recording.Value,
        sha256 = p.Sha256.Hex,
        sizeBytes = p.SizeBytes,
        rule = p.Rule,
        status = RecordingDocument.Kind(p.Status),
        flags = p.Flags.Select(f => new { code = f.Code, explanation = f.Explanation }),
        proposedBy = p.ProposedBy,
        proposedAt = RecordingDocument.Time(p.ProposedAt),
        approvals = p.Approvals.Select(a => new { approver = a.Approver, reason = a.Reason, at = RecordingDocument.Time(a.At) }),
        destroyAfter = RecordingDocument.Time(p.DestroyAfter),
    };

    public static object Outcome(DestructionOutcome o) => new { proposal = Proposal(o.Proposal), destroyed = o.Destroyed, refusal = o.Refusal };

    public static object Hold(LegalHold h) => new
    {
        id = h.Id,
        scope = RecordingDocument.Kind(h.Scope),
        target = h.Target,
        reason = h.Reason,
        authority = h.Authority,
        placedBy = h.PlacedBy,
        placedAt = RecordingDocument.Time(h.PlacedAt),
        active = h.IsActive,
        releasedAt = RecordingDocument.Time(h.ReleasedAt),
        releasedBy = h.ReleasedBy,
        releaseReason = h.ReleaseReason,
    };

    public static string State(RetentionState state) => state switch
    {
        RetentionState.WaitingForCases => "waiting-for-case",
        _ => RecordingDocument.Kind(state),
    };
}
