using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>Undoes an approved deletion inside its recovery window; the recording is kept as before.</summary>
public sealed record RecoverDeletionCommand(long Proposal, string Reason) : ICommand<DeletionProposal>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist];
}

public sealed class RecoverDeletionHandler(IRetentionStore store, CustodyEntries custody) : ICommandHandler<RecoverDeletionCommand, DeletionProposal>
{
    public async ValueTask<DeletionProposal> Handle(RecoverDeletionCommand command, CancellationToken cancellationToken)
    {
        var proposal = await store.RequireProposalAsync(command.Proposal, cancellationToken);
        proposal.EnsureRecoverable(custody.Now);
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new DeletionRuleException("Recovering a deletion needs a reason (--reason).");
        }

        var details = new DeletionRecoveredDetails(proposal.Id, command.Reason.Trim());
        await store.CloseProposalAsync(proposal.Id, DeletionStatus.Recovered, custody.Entry(proposal.Recording.Value, details), cancellationToken);
        return proposal with { Status = DeletionStatus.Recovered };
    }
}
