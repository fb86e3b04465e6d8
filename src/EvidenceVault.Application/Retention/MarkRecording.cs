using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Retention;
using Mediator;

namespace EvidenceVault.Application.Retention;

/// <summary>Marks a recording (evidence in a case, obstruction, major incident, complex case, complaint), with a reason.</summary>
public sealed record MarkRecordingCommand(RecordingId Recording, RecordingMark Mark, CaseNumber? Case, string Reason) : ICommand<RecordingRetention>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Officer, Role.Archivist, Role.Administrator];
}

public sealed class MarkRecordingHandler(IRetentionStore store, ICaseStore cases, RetentionFacts facts, VaultLockSync locks, CustodyEntries custody)
    : ICommandHandler<MarkRecordingCommand, RecordingRetention>
{
    public async ValueTask<RecordingRetention> Handle(MarkRecordingCommand command, CancellationToken cancellationToken)
    {
        await facts.AssessAsync(command.Recording, cancellationToken);
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new DeletionRuleException("A mark needs a reason (--reason).");
        }

        if (command.Mark == RecordingMark.Evidence)
        {
            var number = command.Case ?? throw new DeletionRuleException("An evidence mark names its case (--case).");
            await cases.RequireAsync(number, cancellationToken);
        }

        var reason = command.Reason.Trim();
        var entry = custody.Entry(command.Recording.Value, new MarkSetDetails(RecordingMarks.Name(command.Mark), command.Case?.Value, reason));
        await store.SetMarkAsync(new MarkRecord(command.Recording, command.Mark, command.Case, reason, entry.Actor, entry.At), entry, cancellationToken);

        var assessed = await facts.AssessAsync(command.Recording, cancellationToken);
        await locks.SyncAsync(assessed, cancellationToken);
        return assessed;
    }
}
