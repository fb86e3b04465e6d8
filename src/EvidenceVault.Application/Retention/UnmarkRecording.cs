using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>Removes a mark (only an archivist: it can shorten how long evidence is kept), with a reason.</summary>
public sealed record UnmarkRecordingCommand(RecordingId Recording, RecordingMark Mark, string Reason) : ICommand<RecordingRetention>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist];
}

public sealed class UnmarkRecordingHandler(IRetentionStore store, RetentionFacts facts, VaultLockSync locks, CustodyEntries custody)
    : ICommandHandler<UnmarkRecordingCommand, RecordingRetention>
{
    public async ValueTask<RecordingRetention> Handle(UnmarkRecordingCommand command, CancellationToken cancellationToken)
    {
        await facts.AssessAsync(command.Recording, cancellationToken);
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new DeletionRuleException("Removing a mark needs a reason (--reason).");
        }

        var details = new MarkClearedDetails(RecordingMarks.Name(command.Mark), command.Reason.Trim());
        if (!await store.ClearMarkAsync(command.Recording, command.Mark, custody.Entry(command.Recording.Value, details), cancellationToken))
        {
            throw new DeletionRuleException($"Recording {command.Recording} has no {RecordingMarks.Name(command.Mark)} mark.");
        }

        var assessed = await facts.AssessAsync(command.Recording, cancellationToken);
        await locks.SyncAsync(assessed, cancellationToken);
        return assessed;
    }
}
