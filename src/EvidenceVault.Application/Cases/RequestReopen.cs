using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Ask for a filed (closed) case to be opened again, with a reason; it stays closed until a department head or
/// senior user other than the requester approves (<see cref="ApproveReopenCommand"/>).
/// </summary>
public sealed record RequestReopenCommand(CaseNumber Number, string Reason) : ICommand<CaseReopenRequestedDetails>, IRoleRestricted, ICaseChange
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;

    public CaseChangeGuard Guard => CaseChangeGuard.ReopenRequest;
}

public sealed class RequestReopenHandler(AccessControl access, CaseAccess cases, ICustodyLog log, CustodyEntries custody)
    : ICommandHandler<RequestReopenCommand, CaseReopenRequestedDetails>
{
    public async ValueTask<CaseReopenRequestedDetails> Handle(RequestReopenCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw new FormatException("Reopening a filed case needs a reason (--reason).");
        }

        var user = await access.RequireUserAsync("Reopening a filed case", cancellationToken);
        if (await cases.PendingReopenAsync(command.Number, cancellationToken) is { } pending)
        {
            throw new CaseConflictException($"Reopening case {command.Number} was already asked for by {pending.RequestedBy} ({pending.Reason}); it waits for approval (`cases reopen {command.Number} --approve`).");
        }

        var request = new CaseReopenRequestedDetails(user.Name.Value, command.Reason.Trim());
        await log.AppendAsync(custody.Entry(command.Number.Value, request), cancellationToken);
        return request;
    }
}
