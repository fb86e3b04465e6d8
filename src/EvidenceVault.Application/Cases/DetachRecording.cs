using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Detach a recording from a case, with a reason; the recording itself is untouched. A detach that would shorten the
/// recording's retention term (a permanent term lost, an earlier end) needs an archivist, and leaves the recording
/// flagged by the deletion risk gate for 60 days.
/// </summary>
public sealed record DetachRecordingCommand(CaseNumber Number, RecordingId Recording, string Reason) : ICommand<bool>, IRoleRestricted, ICaseChange
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class DetachRecordingHandler(ICaseStore cases, RetentionFacts retention, IRetentionStore store, AccessControl access, CustodyEntries custody)
    : ICommandHandler<DetachRecordingCommand, bool>
{
    public async ValueTask<bool> Handle(DetachRecordingCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new FormatException("Detaching needs a reason (--reason).");
        }

        if ((await cases.LinksAsync(command.Number, command.Recording, cancellationToken)).Count == 0)
        {
            throw NotAttached(command);
        }

        var (now, unlinked) = await retention.AssessUnlinkAsync(command.Recording, command.Number, cancellationToken);
        if (now.Term.IsShortenedBy(unlinked.Term))
        {
            await ApproveShorteningAsync(command, now.Term, unlinked.Term, cancellationToken);
        }

        var details = new RecordingUnlinkedDetails(command.Recording.Value, null, null, command.Reason.Trim());
        return await cases.UnlinkAsync(command.Number, command.Recording, custody.Entry(command.Number.Value, details), cancellationToken)
            ? true
            : throw NotAttached(command);
    }

    private static CaseConflictException NotAttached(DetachRecordingCommand command) =>
        new($"Recording {command.Recording} is not attached to case {command.Number}.");

    /// <summary>Only an archivist lets a recording go sooner; the shortening is recorded before the detach, so a crash leaves the flag, not a silent change.</summary>
    private async Task ApproveShorteningAsync(DetachRecordingCommand command, Domain.Retention.RetentionTerm from, Domain.Retention.RetentionTerm to, CancellationToken cancellationToken)
    {
        var change = $"detached from case {command.Number}: {command.Reason.Trim()}";
        if (await access.ActingUserAsync(cancellationToken) is { } user && !user.Has(Role.Archivist))
        {
            throw await access.DenyAsync(
                command.Recording.Value,
                $"Detaching recording {command.Recording} from case {command.Number} would shorten its retention from {from.Describe()} to {to.Describe()}; an archivist must make (and so approve) this detach.",
                null,
                cancellationToken);
        }

        var shortening = new TermShortening(command.Recording, change, from.Describe(), to.Describe(), custody.Actor, custody.Now);
        await store.RecordShorteningAsync(shortening, custody.Entry(command.Recording.Value, new TermShortenedDetails(change, shortening.From, shortening.To)), cancellationToken);
    }
}
