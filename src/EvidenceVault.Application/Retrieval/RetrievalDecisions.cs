using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Retrieval;

/// <summary>Who may decide a pending request: a user of the required tier who is not the requester.</summary>
public sealed class RetrievalDecisions(IRetrievalStore store, AccessControl access)
{
    /// <summary>The pending request and the acting approver; refuses (and logs) anyone else.</summary>
    public async Task<(RetrievalRequest Request, User Approver)> RequireApproverAsync(RetrievalId id, string verb, CancellationToken cancellationToken)
    {
        var approver = await access.RequireUserAsync("Deciding a retrieval request", cancellationToken);
        var request = await store.RequireAsync(id, cancellationToken);
        if (request.Status != RetrievalStatus.Pending)
        {
            throw new AccessRuleException($"{id} is {request.Status.ToString().ToLowerInvariant()}; only a pending request can be {verb}.");
        }

        if (request.Requester == approver.Name)
        {
            throw await access.DenyAsync(id.ToString(), $"{approver.Name} made request {id} and may not decide it; it needs {request.Tier.Approver}.", id, cancellationToken);
        }

        if (!request.Tier.MayApprove(approver))
        {
            throw await access.DenyAsync(id.ToString(), $"Request {id} must be {verb} by {request.Tier.Approver}; {approver.Name} is not.", id, cancellationToken);
        }

        return (request, approver);
    }
}
