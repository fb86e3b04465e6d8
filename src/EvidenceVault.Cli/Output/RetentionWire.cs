using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Retention;
using EvidenceVault.Hosting.Documents;

namespace EvidenceVault.Cli.Output;

/// <summary>Text lines for retention, holds and deletions (the JSON shapes are <see cref="RetentionDocuments"/>).</summary>
internal static class RetentionWire
{
    public static string PlanLine(RetentionPlanItem i)
    {
        var t = i.Retention.Term;
        var when = t.ExpiresAt is { } e && t.IsDated ? e.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "-";
        var proposal = i.Proposal is { } p ? $"  [deletion {p.Id} {Wire.Kind(p.Status)}]" : "";
        var flags = i.Retention.Flags.Count > 0 ? $"  flags: {string.Join(",", i.Retention.Flags.Select(f => f.Code))}" : "";
        return $"{i.Retention.Recording.Id}  {RetentionDocuments.State(t.State),-17} {when,-10}  {t.Rule}{flags}{proposal}";
    }

    public static string ProposalLine(DeletionProposal p) =>
        $"deletion {p.Id}  {p.Recording}  {Wire.Kind(p.Status),-9} {p.Approvals.Count}/{DeletionProposal.RequiredApprovers} approvals  rule {p.Rule}"
        + (p.IsFlagged ? $"  FLAGGED: {string.Join("; ", p.Flags.Select(f => f.Explanation))}" : "")
        + (p.DestroyAfter is { } d ? $"  recoverable until {Wire.Time(d)}" : "");

    public static string HoldLine(LegalHold h) =>
        $"hold {h.Id}  {Wire.Kind(h.Scope)} {h.Target}  {(h.IsActive ? "active" : $"released {Wire.Time(h.ReleasedAt)}")}  by {h.PlacedBy}  authority: {h.Authority}  reason: {h.Reason}";
}
