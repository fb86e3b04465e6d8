using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Retrieval;

/// <summary>Reject a pending request; only someone who could approve it may.</summary>
public sealed record RejectRetrievalCommand(RetrievalId Id, string? Reason) : ICommand<RetrievalRequest>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class RejectRetrievalHandler(IRetrievalStore store, RetrievalDecisions decisions, CustodyEntries custody) : ICommandHandler<RejectRetrievalCommand, RetrievalRequest>
{
    public async ValueTask<RetrievalRequest> Handle(RejectRetrievalCommand command, CancellationToken cancellationToken)
    {
        var (request, approver) = await decisions.RequireApproverAsync(command.Id, "rejected", cancellationToken);
        var rejected = request with { Status = RetrievalStatus.Rejected, Decision = new RetrievalDecision(approver.Name, custody.Now, command.Reason) };
        await store.UpdateAsync(rejected, custody.Entry(command.Id.ToString(), new RetrievalRejectedDetails(approver.Name.Value, command.Reason)), cancellationToken);
        return rejected;
    }
}
