using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>
/// What would expire, when, and why: every recording's computed term with the rule that set it, what
/// blocks its deletion, the risk flags, and any deletion already under way. Soonest expiry first.
/// </summary>
public sealed record ShowRetentionPlanQuery(bool ExpiringOnly) : IQuery<IReadOnlyList<RetentionPlanItem>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist, Role.Administrator];
}

/// <summary>One line of the plan.</summary>
public sealed record RetentionPlanItem(RecordingRetention Retention, string? Blocker, DeletionProposal? Proposal);

public sealed class ShowRetentionPlanHandler(RetentionFacts facts, IRetentionStore store) : IQueryHandler<ShowRetentionPlanQuery, IReadOnlyList<RetentionPlanItem>>
{
    public async ValueTask<IReadOnlyList<RetentionPlanItem>> Handle(ShowRetentionPlanQuery query, CancellationToken cancellationToken)
    {
        var open = (await store.ProposalsAsync(null, cancellationToken))
            .Where(p => p.Status is DeletionStatus.Proposed or DeletionStatus.Approved)
            .ToDictionary(p => p.Recording);
        return [.. (await facts.AssessAllAsync(cancellationToken))
            .Where(r => !query.ExpiringOnly || r.Term.IsDated)
            .OrderBy(r => r.Term.ExpiresAt is null || !r.Term.IsDated)
            .ThenBy(r => r.Term.ExpiresAt)
            .ThenBy(r => r.Recording.Id.Value, StringComparer.Ordinal)
            .Select(r => new RetentionPlanItem(r, DeletionRiskGate.Blocker(r.Term), open.GetValueOrDefault(r.Recording.Id)))];
    }
}
