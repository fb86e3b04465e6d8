using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>Detach a recording from a case, with a reason; the recording itself is untouched.</summary>
public sealed record DetachRecordingCommand(CaseNumber Number, RecordingId Recording, string Reason) : ICommand<bool>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class DetachRecordingHandler(ICaseStore cases, CustodyEntries custody) : ICommandHandler<DetachRecordingCommand, bool>
{
    public async ValueTask<bool> Handle(DetachRecordingCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new FormatException("Detaching needs a reason (--reason).");
        }

        var details = new RecordingUnlinkedDetails(command.Recording.Value, null, null, command.Reason.Trim());
        return await cases.UnlinkAsync(command.Number, command.Recording, custody.Entry(command.Number.Value, details), cancellationToken)
            ? true
            : throw new CaseConflictException($"Recording {command.Recording} is not attached to case {command.Number}.");
    }
}
