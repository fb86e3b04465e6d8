using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Retrieval;

/// <summary>Approve a pending request: it becomes a grant, active over its period.</summary>
public sealed record ApproveRetrievalCommand(RetrievalId Id, string? Reason) : ICommand<RetrievalRequest>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class ApproveRetrievalHandler(IRetrievalStore store, RetrievalDecisions decisions, CustodyEntries custody) : ICommandHandler<ApproveRetrievalCommand, RetrievalRequest>
{
    public async ValueTask<RetrievalRequest> Handle(ApproveRetrievalCommand command, CancellationToken cancellationToken)
    {
        var (request, approver) = await decisions.RequireApproverAsync(command.Id, "approved", cancellationToken);
        var approved = request with { Status = RetrievalStatus.Approved, Decision = new RetrievalDecision(approver.Name, custody.Now, command.Reason) };
        var details = new RetrievalApprovedDetails(approver.Name.Value, command.Reason, request.Tier.Kind.ToString(), request.Tier.Department);
        await store.UpdateAsync(approved, custody.Entry(command.Id.ToString(), details), cancellationToken);
        return approved;
    }
}
