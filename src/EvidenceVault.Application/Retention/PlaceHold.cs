using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>Places a legal hold on a recording or on every recording of a case; it beats every retention term.</summary>
public sealed record PlaceHoldCommand(HoldScope Scope, string Target, string Reason, string Authority) : ICommand<LegalHold>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist];
}

public sealed class PlaceHoldHandler(IRetentionStore store, ICaseStore cases, RetentionFacts facts, HoldLocks holdLocks, CustodyEntries custody)
    : ICommandHandler<PlaceHoldCommand, LegalHold>
{
    public async ValueTask<LegalHold> Handle(PlaceHoldCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Reason) || string.IsNullOrWhiteSpace(command.Authority))
        {
            throw new DeletionRuleException("A legal hold needs a reason (--reason) and the authority that ordered it (--authority).");
        }

        var target = command.Scope == HoldScope.Case
            ? (await cases.RequireAsync(CaseNumber.Parse(command.Target), cancellationToken)).Number.Value
            : (await facts.AssessAsync(RecordingId.Parse(command.Target), cancellationToken)).Recording.Id.Value;
        var hold = new LegalHold(0, command.Scope, target, command.Reason.Trim(), command.Authority.Trim(), custody.Actor, custody.Now, null, null, null);
        var placed = await store.PlaceHoldAsync(
            hold,
            h => custody.Entry(target, new HoldPlacedDetails(h.Id, h.Scope.ToString().ToLowerInvariant(), h.Reason, h.Authority)),
            cancellationToken);
        await holdLocks.SyncAsync(placed, cancellationToken);
        return placed;
    }
}
