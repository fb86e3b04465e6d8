using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>Add an activity (a stage's on-site or office action) to a case.</summary>
public sealed record AddActivityCommand(
    CaseNumber Number,
    ProcedureStage Stage,
    string ActivityType,
    IReadOnlyList<OfficerId> Officers,
    string? Place,
    DateTimeOffset Start,
    DateTimeOffset End) : ICommand<CaseActivity>, IRoleRestricted, ICaseChange
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class AddActivityHandler(ICaseStore cases, AutoLinker linker, CustodyEntries custody) : ICommandHandler<AddActivityCommand, CaseActivity>
{
    public async ValueTask<CaseActivity> Handle(AddActivityCommand command, CancellationToken cancellationToken)
    {
        var found = await cases.RequireAsync(command.Number, cancellationToken);
        if (command.End < command.Start)
        {
            throw new FormatException($"The activity ends ({command.End:O}) before it starts ({command.Start:O}).");
        }

        var officers = command.Officers.Count > 0 ? command.Officers : found.Officers;
        var activity = new CaseActivity(0, command.Number, command.Stage, command.ActivityType.Trim(), officers, command.Place, command.Start, command.End);
        var added = await cases.AddActivityAsync(activity, stored => custody.Entry(command.Number.Value, ActivityAddedDetails.Of(stored)), cancellationToken);
        await linker.LinkActivityAsync(added, cancellationToken);
        return added;
    }
}
