using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceVault.Api.Endpoints;

/// <summary>Retrieval (调阅): request access, approve or reject by tier, revoke a grant.</summary>
internal static class RetrievalEndpoints
{
    public static void Map(RouteGroupBuilder retrievals)
    {
        retrievals.MapGet("/", async (IMediator mediator, bool? active, CancellationToken ct) =>
            TypedResults.Ok(new RetrievalList([.. (await mediator.Send(new ListRetrievalsQuery(active ?? false), ct)).Select(AccessDocuments.Retrieval)])));
        retrievals.MapPost("/", RequestAsync);
        retrievals.MapGet("/{id}", async (IMediator mediator, string id, CancellationToken ct) =>
            TypedResults.Ok(AccessDocuments.Retrieval(await mediator.Send(new ShowRetrievalQuery(RetrievalId.Parse(id)), ct))));
        retrievals.MapGet("/{id}/recordings", async (IMediator mediator, string id, CancellationToken ct) =>
            TypedResults.Ok(new RetrievalItemList([.. (await mediator.Send(new ListRetrievalRecordingsQuery(RetrievalId.Parse(id)), ct)).Select(AccessDocuments.Item)])));
        retrievals.MapPost("/{id}/approve", async (IMediator mediator, string id, ReasonRequest? body, CancellationToken ct) =>
            TypedResults.Ok(AccessDocuments.Retrieval(await mediator.Send(new ApproveRetrievalCommand(RetrievalId.Parse(id), body?.Reason), ct))));
        retrievals.MapPost("/{id}/reject", async (IMediator mediator, string id, ReasonRequest? body, CancellationToken ct) =>
            TypedResults.Ok(AccessDocuments.Retrieval(await mediator.Send(new RejectRetrievalCommand(RetrievalId.Parse(id), body?.Reason), ct))));
        retrievals.MapPost("/{id}/revoke", async (IMediator mediator, string id, ReasonRequest? body, CancellationToken ct) =>
            TypedResults.Ok(AccessDocuments.Retrieval(await mediator.Send(new RevokeGrantCommand(RetrievalId.Parse(id), body?.Reason), ct))));
    }

    private static async Task<Created<RetrievalJson>> RequestAsync(IMediator mediator, RetrievalRequestBody? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var created = await mediator.Send(
            new RequestRetrievalCommand(
                request.Case is { } c ? CaseNumber.Parse(c) : null,
                [.. (request.Recordings ?? []).Select(RecordingId.Parse)],
                Required.Field(request.Purpose, "purpose"),
                Required.Field(request.From, "from"),
                Required.Field(request.Until, "until"),
                request.OutsideAgency,
                request.RedactedOnly),
            cancellationToken);
        return TypedResults.Created($"/retrievals/{created.Id}", AccessDocuments.Retrieval(created));
    }
}
