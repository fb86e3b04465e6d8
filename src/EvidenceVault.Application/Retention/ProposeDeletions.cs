using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>
/// Proposes every expired recording for deletion, after the risk gate: blocked items (held, permanent,
/// an open case) are never proposed, flagged items are proposed with their flags. Nothing is deleted here.
/// </summary>
public sealed record ProposeDeletionsCommand : ICommand<IReadOnlyList<DeletionProposal>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist];
}

public sealed class ProposeDeletionsHandler(RetentionFacts facts, IRetentionStore store, VaultLockSync locks, CustodyEntries custody)
    : ICommandHandler<ProposeDeletionsCommand, IReadOnlyList<DeletionProposal>>
{
    public async ValueTask<IReadOnlyList<DeletionProposal>> Handle(ProposeDeletionsCommand command, CancellationToken cancellationToken)
    {
        var underWay = (await store.ProposalsAsync(null, cancellationToken))
            .Where(p => p.Status is DeletionStatus.Proposed or DeletionStatus.Approved)
            .Select(p => p.Recording).ToHashSet();
        var proposed = new List<DeletionProposal>();
        foreach (var assessed in await facts.AssessAllAsync(cancellationToken))
        {
            // Every assessment also refreshes the vault's own lock, so storage agrees with the rules.
            await locks.SyncAsync(assessed, cancellationToken);
            if (DeletionRiskGate.Blocker(assessed.Term) is not null || underWay.Contains(assessed.Recording.Id))
            {
                continue;
            }

            var recording = assessed.Recording;
            var proposal = new DeletionProposal(
                0, recording.Id, recording.Sha256, recording.SizeBytes, assessed.Term.Rule, assessed.Flags,
                DeletionStatus.Proposed, custody.Actor, custody.Now, [], null);
            proposed.Add(await store.ProposeAsync(proposal, p => custody.Entry(
                recording.Id.Value,
                new DeletionProposedDetails(p.Id, p.Rule, assessed.Term.ExpiresAt, [.. p.Flags.Select(f => f.Code)], assessed.Term.Considered)), cancellationToken));
        }

        return proposed;
    }
}
