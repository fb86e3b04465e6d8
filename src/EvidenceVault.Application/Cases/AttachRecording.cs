using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Attach a recording or written record to a case stage by hand, with a reason; naming one of the case's activities
/// ties it to that activity (its stage then), so the completeness rules count it for that activity.
/// </summary>
public sealed record AttachRecordingCommand(CaseNumber Number, RecordingId Recording, ProcedureStage Stage, string Reason, string? DocumentType = null, long? ActivityId = null)
    : ICommand<RecordingLink>, IRoleRestricted, ICaseChange
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class AttachRecordingHandler(ICaseStore cases, ICatalog catalog, CustodyEntries custody) : ICommandHandler<AttachRecordingCommand, RecordingLink>
{
    public async ValueTask<RecordingLink> Handle(AttachRecordingCommand command, CancellationToken cancellationToken)
    {
        _ = await catalog.FindAsync(command.Recording, cancellationToken) ?? throw new RecordingNotFoundException(command.Recording);
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new FormatException("Attaching by hand needs a reason (--reason).");
        }

        var stage = command.Stage;
        if (command.ActivityId is { } activityId)
        {
            var activity = (await cases.ActivitiesAsync(command.Number, cancellationToken)).SingleOrDefault(a => a.Id == activityId)
                ?? throw new NotFoundException($"Case {command.Number} has no activity {activityId} (`cases show {command.Number}` lists its activities).");
            stage = activity.Stage;
        }

        var link = new RecordingLink(command.Recording, command.Number, command.ActivityId, stage, LinkOrigin.Manual, command.Reason.Trim(), command.DocumentType, custody.Now);
        var details = new RecordingLinkedDetails(command.Recording.Value, command.ActivityId, stage.ToString(), "manual", link.Reason, command.DocumentType);
        await cases.LinkAsync(link, custody.Entry(command.Number.Value, details), cancellationToken);
        return link;
    }
}
