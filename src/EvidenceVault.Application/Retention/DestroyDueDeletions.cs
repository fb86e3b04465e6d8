using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>
/// Destroys the bytes of approved deletions whose recovery window has passed. Each one is re-checked
/// against the rules first, its vault lock refreshed, and the vault itself refuses if its lock disagrees;
/// a destroyed original leaves a tombstone (hash, size, rule, approvers, time) in the custody ledger.
/// </summary>
public sealed record DestroyDueDeletionsCommand : ICommand<IReadOnlyList<DestructionOutcome>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist];
}

/// <summary>What happened to one due deletion: destroyed, or refused and why.</summary>
public sealed record DestructionOutcome(DeletionProposal Proposal, bool Destroyed, string? Refusal);

public sealed class DestroyDueDeletionsHandler(IRetentionStore store, RetentionFacts facts, VaultLockSync locks, IVaultRetention vault, ICustodyLog ledger, CustodyEntries custody)
    : ICommandHandler<DestroyDueDeletionsCommand, IReadOnlyList<DestructionOutcome>>
{
    public async ValueTask<IReadOnlyList<DestructionOutcome>> Handle(DestroyDueDeletionsCommand command, CancellationToken cancellationToken)
    {
        var outcomes = new List<DestructionOutcome>();
        foreach (var proposal in (await store.ProposalsAsync(DeletionStatus.Approved, cancellationToken)).Where(p => p.IsDueForDestruction(custody.Now)))
        {
            outcomes.Add(await DestroyAsync(proposal, cancellationToken));
        }

        return outcomes;
    }

    private async Task<DestructionOutcome> DestroyAsync(DeletionProposal proposal, CancellationToken cancellationToken)
    {
        var subject = proposal.Recording.Value;
        var assessed = await facts.AssessAsync(proposal.Recording, cancellationToken);
        await locks.SyncAsync(assessed, cancellationToken);
        if (DeletionRiskGate.Blocker(assessed.Term) is { } blocker)
        {
            var reason = $"the rules no longer allow deletion: {blocker}";
            await store.CloseProposalAsync(proposal.Id, DeletionStatus.Recovered, custody.Entry(subject, new DeletionRecoveredDetails(proposal.Id, reason)), cancellationToken);
            return new DestructionOutcome(proposal, false, reason);
        }

        try
        {
            await vault.DestroyOriginalAsync(proposal.Sha256, cancellationToken);
        }
        catch (VaultDeletionRefusedException ex)
        {
            await ledger.AppendAsync(custody.Entry(subject, new DeletionRefusedDetails(proposal.Id, ex.Message)), cancellationToken);
            return new DestructionOutcome(proposal, false, ex.Message);
        }
        catch (VaultException ex)
        {
            // Storage trouble (not a refusal): the proposal stays approved and the next purge tries again.
            return new DestructionOutcome(proposal, false, ex.Message);
        }

        var tombstone = new DeletionDestroyedDetails(
            proposal.Id,
            proposal.Sha256.Hex,
            proposal.SizeBytes,
            proposal.Rule,
            [.. proposal.Approvals.Select(a => new TombstoneApproval(a.Approver, a.Reason, a.At))],
            proposal.ProposedBy);
        await store.CloseProposalAsync(proposal.Id, DeletionStatus.Destroyed, custody.Entry(subject, tombstone), cancellationToken);
        return new DestructionOutcome(proposal with { Status = DeletionStatus.Destroyed }, true, null);
    }
}
