using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Hosting.Documents;

/// <summary>The JSON shapes of retention terms, deletion proposals and legal holds, shared by the CLI and the HTTP API.</summary>
public static class RetentionDocuments
{
    public static RetentionJson Retention(RecordingRetention r) => new(
        r.Recording.Id.Value,
        r.Recording.Officer?.Value,
        RecordingDocument.Time(r.Inputs.RecordedAt),
        State(r.Term.State),
        RecordingDocument.Time(r.Term.ExpiresAt),
        r.Term.Rule,
        r.Term.Considered,
        r.Inputs.Category,
        [.. r.Inputs.Marks.Select(RecordingMarks.Name)],
        r.Inputs.Holds,
        Flags(r.Flags));

    public static PlanItemJson PlanItem(RetentionPlanItem i) => new(Retention(i.Retention), i.Blocker, i.Proposal is { } p ? Proposal(p) : null);

    public static ProposalJson Proposal(DeletionProposal p) => new(
        p.Id,
        p.Recording.Value,
        p.Sha256.Hex,
        p.SizeBytes,
        p.Rule,
        RecordingDocument.Kind(p.Status),
        Flags(p.Flags),
        p.ProposedBy,
        RecordingDocument.Time(p.ProposedAt),
        [.. p.Approvals.Select(a => new ApprovalJson(a.Approver, a.Reason, RecordingDocument.Time(a.At)))],
        RecordingDocument.Time(p.DestroyAfter));

    public static OutcomeJson Outcome(DestructionOutcome o) => new(Proposal(o.Proposal), o.Destroyed, o.Refusal);

    public static HoldJson Hold(LegalHold h) => new(
        h.Id,
        RecordingDocument.Kind(h.Scope),
        h.Target,
        h.Reason,
        h.Authority,
        h.PlacedBy,
        RecordingDocument.Time(h.PlacedAt),
        h.IsActive,
        RecordingDocument.Time(h.ReleasedAt),
        h.ReleasedBy,
        h.ReleaseReason);

    public static string State(RetentionState state) => state switch
    {
        RetentionState.WaitingForCases => "waiting-for-case",
        _ => RecordingDocument.Kind(state),
    };

    private static IReadOnlyList<FlagJson> Flags(IReadOnlyList<RiskFlag> flags) => [.. flags.Select(f => new FlagJson(f.Code, f.Explanation))];
}
