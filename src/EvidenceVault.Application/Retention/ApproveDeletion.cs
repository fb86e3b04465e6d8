using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>
/// One approver's sign-off on a proposed deletion. The second different approver completes it and starts the
/// recovery window; the term is re-checked first, so a hold or new link placed meanwhile stops the deletion.
/// </summary>
public sealed record ApproveDeletionCommand(long Proposal, string Reason, bool AcknowledgeRisk) : ICommand<DeletionProposal>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist];
}

public sealed class ApproveDeletionHandler(IRetentionStore store, RetentionFacts facts, CustodyEntries custody)
    : ICommandHandler<ApproveDeletionCommand, DeletionProposal>
{
    public async ValueTask<DeletionProposal> Handle(ApproveDeletionCommand command, CancellationToken cancellationToken)
    {
        var proposal = await store.RequireProposalAsync(command.Proposal, cancellationToken);
        var completes = proposal.EnsureMayApprove(custody.Actor, command.Reason, command.AcknowledgeRisk);
        var assessed = await facts.AssessAsync(proposal.Recording, cancellationToken);
        if (DeletionRiskGate.Blocker(assessed.Term) is { } blocker)
        {
            await store.CloseProposalAsync(proposal.Id, DeletionStatus.Recovered, custody.Entry(proposal.Recording.Value, new DeletionRecoveredDetails(proposal.Id, $"the rules no longer allow deletion: {blocker}")), cancellationToken);
            throw new DeletionRuleException($"Deletion proposal {proposal.Id} was withdrawn: recording {proposal.Recording} is now {blocker}.");
        }

        var approval = new DeletionApproval(custody.Actor, command.Reason.Trim(), custody.Now);
        var status = completes ? DeletionStatus.Approved : DeletionStatus.Proposed;
        var destroyAfter = completes ? facts.Rules.RecoveryWindow.EndFrom(approval.At) : null;
        var details = new DeletionApprovedDetails(proposal.Id, approval.Reason, command.AcknowledgeRisk, completes, destroyAfter);
        await store.ApproveAsync(proposal.Id, approval, status, destroyAfter, custody.Entry(proposal.Recording.Value, details), cancellationToken);
        return proposal with { Status = status, Approvals = [.. proposal.Approvals, approval], DestroyAfter = destroyAfter };
    }
}
