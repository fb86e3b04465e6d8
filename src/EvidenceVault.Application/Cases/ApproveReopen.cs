using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// The second person of a reopening: a senior user, or the department head of one of the case's officers, who did
/// not ask for it. The case opens again; the entry names requester, reason and approver.
/// </summary>
public sealed record ApproveReopenCommand(CaseNumber Number) : ICommand<CaseReopenedDetails>, IRoleRestricted, ICaseChange
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;

    public CaseChangeGuard Guard => CaseChangeGuard.ReopenApproval;
}

public sealed class ApproveReopenHandler(AccessControl access, CaseAccess caseAccess, ICaseStore cases, CustodyEntries custody)
    : ICommandHandler<ApproveReopenCommand, CaseReopenedDetails>
{
    public async ValueTask<CaseReopenedDetails> Handle(ApproveReopenCommand command, CancellationToken cancellationToken)
    {
        var user = await access.RequireUserAsync("Reopening a filed case", cancellationToken);
        var subject = command.Number.Value;
        var pending = await caseAccess.PendingReopenAsync(command.Number, cancellationToken)
            ?? throw new CaseConflictException($"Nobody has asked to reopen case {command.Number}; `cases reopen {command.Number} --reason ...` asks first.");
        if (pending.RequestedBy == user.Name.Value)
        {
            throw await access.DenyAsync(subject, $"{user.Name} asked to reopen case {command.Number} and cannot also approve it: reopening takes two people.", null, cancellationToken);
        }

        if (!await caseAccess.MayApproveReopenAsync(user, await cases.RequireAsync(command.Number, cancellationToken), cancellationToken))
        {
            throw await access.DenyAsync(subject, $"Reopening case {command.Number} is approved by a senior user or the department head of one of its officers; {user.Name} is neither.", null, cancellationToken);
        }

        var reopened = new CaseReopenedDetails(pending.RequestedBy, pending.Reason, user.Name.Value);
        await cases.ReopenAsync(command.Number, custody.Entry(subject, reopened), cancellationToken);
        return reopened;
    }
}
