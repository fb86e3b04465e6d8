using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>Close a case (归档); retention terms of its evidence start counting only once it is closed.</summary>
public sealed record CloseCaseCommand(CaseNumber Number) : ICommand<EnforcementCase>, IRoleRestricted, ICaseChange
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class CloseCaseHandler(ICaseStore cases, CustodyEntries custody) : ICommandHandler<CloseCaseCommand, EnforcementCase>
{
    public async ValueTask<EnforcementCase> Handle(CloseCaseCommand command, CancellationToken cancellationToken)
    {
        // The case pipeline behavior has refused a case that is already closed.
        var found = await cases.RequireAsync(command.Number, cancellationToken);
        var closedAt = custody.Now;
        await cases.CloseAsync(command.Number, closedAt, custody.Entry(command.Number.Value, new CaseClosedDetails(closedAt)), cancellationToken);
        return found with { Status = CaseStatus.Closed, ClosedAt = closedAt };
    }
}
