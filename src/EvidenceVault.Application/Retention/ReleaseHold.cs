using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>Releases a legal hold, with a reason; the covered recordings fall back to their own terms.</summary>
public sealed record ReleaseHoldCommand(long Id, string Reason) : ICommand<LegalHold>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist];
}

public sealed class ReleaseHoldHandler(IRetentionStore store, HoldLocks holdLocks, CustodyEntries custody)
    : ICommandHandler<ReleaseHoldCommand, LegalHold>
{
    public async ValueTask<LegalHold> Handle(ReleaseHoldCommand command, CancellationToken cancellationToken)
    {
        var hold = (await store.HoldsAsync(activeOnly: false, cancellationToken)).FirstOrDefault(h => h.Id == command.Id)
            ?? throw new NotFoundException($"There is no legal hold {command.Id}.");
        if (!hold.IsActive)
        {
            throw new DeletionRuleException($"Legal hold {command.Id} was already released on {hold.ReleasedAt:yyyy-MM-dd} by {hold.ReleasedBy}.");
        }

        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new DeletionRuleException("Releasing a legal hold needs a reason (--reason).");
        }

        var entry = custody.Entry(hold.Target, new HoldReleasedDetails(hold.Id, command.Reason.Trim()));
        await store.ReleaseHoldAsync(hold.Id, entry.Actor, command.Reason.Trim(), entry.At, entry, cancellationToken);
        var released = hold with { ReleasedAt = entry.At, ReleasedBy = entry.Actor, ReleaseReason = command.Reason.Trim() };
        await holdLocks.SyncAsync(released, cancellationToken);
        return released;
    }
}
