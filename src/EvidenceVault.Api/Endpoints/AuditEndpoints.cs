using EvidenceVault.Application.Audit;
using EvidenceVault.Hosting.Documents;
using Mediator;

namespace EvidenceVault.Api.Endpoints;

/// <summary>The custody ledger: one subject's chain, and the whole chain recomputed against the catalog.</summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder audit)
    {
        audit.MapGet("/custody", async (IMediator mediator, string? subject, CancellationToken ct) =>
            TypedResults.Ok(new CustodyList([.. (await mediator.Send(new ShowCustodyQuery(subject), ct)).Select(AuditDocuments.Custody)])));

        // A broken chain is still a successful check: the report says where it broke.
        audit.MapGet("/verify", async (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(AuditDocuments.Chain(await mediator.Send(new VerifyCustodyChainQuery(), ct))));
    }
}
