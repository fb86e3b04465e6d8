using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>Turns a proposed deletion down, with a reason; the recording stays and may be proposed again later.</summary>
public sealed record RejectDeletionCommand(long Proposal, string Reason) : ICommand<DeletionProposal>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist];
}

public sealed class RejectDeletionHandler(IRetentionStore store, CustodyEntries custody) : ICommandHandler<RejectDeletionCommand, DeletionProposal>
{
    public async ValueTask<DeletionProposal> Handle(RejectDeletionCommand command, CancellationToken cancellationToken)
    {
        var proposal = await store.RequireProposalAsync(command.Proposal, cancellationToken);
        if (proposal.Status != DeletionStatus.Proposed)
        {
            throw new DeletionRuleException($"Deletion proposal {proposal.Id} is {proposal.Status.ToString().ToLowerInvariant()}; only a proposed deletion can be rejected (use `retention recover` for an approved one).");
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new DeletionRuleException("Rejecting a deletion needs a reason (--reason).");
        }

        var details = new DeletionRejectedDetails(proposal.Id, command.Reason.Trim());
        await store.CloseProposalAsync(proposal.Id, DeletionStatus.Rejected, custody.Entry(proposal.Recording.Value, details), cancellationToken);
        return proposal with { Status = DeletionStatus.Rejected };
    }
}
