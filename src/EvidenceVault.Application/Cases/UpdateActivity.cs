using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Change an activity of an open case; null (or no officers) keeps a value. Its automatic links and suggestions are
/// checked again against the new window and officers; manual links stay as they are.
/// </summary>
public sealed record UpdateActivityCommand(
    CaseNumber Number,
    long ActivityId,
    ProcedureStage? Stage,
    string? ActivityType,
    IReadOnlyList<OfficerId> Officers,
    string? Place,
    DateTimeOffset? Start,
    DateTimeOffset? End) : ICommand<ActivityUpdate>, IRoleRestricted, ICaseChange
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Officer, Role.Administrator];
}

/// <summary>The changed activity, how many automatic links it lost and how many recordings were linked afresh.</summary>
public sealed record ActivityUpdate(CaseActivity Activity, int Unlinked, int Linked);

public sealed class UpdateActivityHandler(ICaseStore cases, AutoLinker linker, CustodyEntries custody) : ICommandHandler<UpdateActivityCommand, ActivityUpdate>
{
    public async ValueTask<ActivityUpdate> Handle(UpdateActivityCommand command, CancellationToken cancellationToken)
    {
        var current = (await cases.ActivitiesAsync(command.Number, cancellationToken)).SingleOrDefault(a => a.Id == command.ActivityId)
            ?? throw new NotFoundException($"Case {command.Number} has no activity {command.ActivityId} (`cases show {command.Number}` lists its activities).");
        if (command is { Stage: null, ActivityType: null, Officers.Count: 0, Place: null, Start: null, End: null })
        {
            throw new FormatException("Nothing to change: give at least one of --stage, --type, --officer, --place, --start, --end.");
        }

        var changed = current with
        {
            Stage = command.Stage ?? current.Stage,
            ActivityType = command.ActivityType?.Trim() ?? current.ActivityType,
            Officers = command.Officers.Count > 0 ? command.Officers : current.Officers,
            Place = command.Place ?? current.Place,
            Start = command.Start ?? current.Start,
            End = command.End ?? current.End,
        };
        if (changed.End < changed.Start)
        {
            throw new FormatException($"The activity would end ({changed.End:O}) before it starts ({changed.Start:O}).");
        }

        await cases.UpdateActivityAsync(changed, custody.Entry(command.Number.Value, ActivityChangedDetails.Of(changed)), cancellationToken);
        var relinked = await linker.RelinkChangedActivityAsync(changed, cancellationToken);
        return new ActivityUpdate(changed, relinked.Unlinked, relinked.Linked);
    }
}
