using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Retention;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceVault.Api.Endpoints;

/// <summary>Retention plan, marks and categories, legal holds and the two-approver deletion: archivists' work over HTTP.</summary>
internal static class RetentionEndpoints
{
    public static void Map(RouteGroupBuilder retention)
    {
        retention.MapGet("/plan", async (IMediator mediator, bool? expiring, CancellationToken ct) =>
            TypedResults.Ok(new RetentionPlan([.. (await mediator.Send(new ShowRetentionPlanQuery(expiring ?? false), ct)).Select(RetentionDocuments.PlanItem)])));
        retention.MapGet("/proposals", ListProposalsAsync);
        retention.MapPost("/proposals", async (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(new ProposedDeletions([.. (await mediator.Send(new ProposeDeletionsCommand(), ct)).Select(RetentionDocuments.Proposal)])));
        retention.MapPost("/proposals/{id:long}/approve", async (IMediator mediator, long id, ApprovalRequest? body, CancellationToken ct) =>
            TypedResults.Ok(RetentionDocuments.Proposal(await mediator.Send(new ApproveDeletionCommand(id, Reason(body?.Reason), body?.AcknowledgeRisk ?? false), ct))));
        retention.MapPost("/proposals/{id:long}/reject", async (IMediator mediator, long id, ReasonRequest? body, CancellationToken ct) =>
            TypedResults.Ok(RetentionDocuments.Proposal(await mediator.Send(new RejectDeletionCommand(id, Reason(body?.Reason)), ct))));
        retention.MapPost("/proposals/{id:long}/recover", async (IMediator mediator, long id, ReasonRequest? body, CancellationToken ct) =>
            TypedResults.Ok(RetentionDocuments.Proposal(await mediator.Send(new RecoverDeletionCommand(id, Reason(body?.Reason)), ct))));
        retention.MapPost("/purge", async (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(new PurgeOutcomes([.. (await mediator.Send(new DestroyDueDeletionsCommand(), ct)).Select(RetentionDocuments.Outcome)])));
    }

    public static void MapHolds(RouteGroupBuilder holds)
    {
        holds.MapGet("/", async (IMediator mediator, bool? all, CancellationToken ct) =>
            TypedResults.Ok(new HoldList([.. (await mediator.Send(new ListHoldsQuery(all ?? false), ct)).Select(RetentionDocuments.Hold)])));
        holds.MapPost("/", PlaceHoldAsync);
        holds.MapPost("/{id:long}/release", async (IMediator mediator, long id, ReasonRequest? body, CancellationToken ct) =>
            TypedResults.Ok(RetentionDocuments.Hold(await mediator.Send(new ReleaseHoldCommand(id, Reason(body?.Reason)), ct))));
    }

    public static void MapRecordingRetention(RouteGroupBuilder recordings)
    {
        recordings.MapPost("/{id}/marks", MarkAsync);
        recordings.MapPost("/{id}/marks/{mark}/remove", async (IMediator mediator, string id, string mark, ReasonRequest? body, CancellationToken ct) =>
            TypedResults.Ok(RetentionDocuments.Retention(await mediator.Send(new UnmarkRecordingCommand(RecordingId.Parse(id), RecordingMarks.Parse(mark), Reason(body?.Reason)), ct))));
        recordings.MapPut("/{id}/category", async (IMediator mediator, string id, CategoryRequest? body, CancellationToken ct) =>
            TypedResults.Ok(RetentionDocuments.Retention(await mediator.Send(new CategorizeRecordingCommand(RecordingId.Parse(id), Required.Body(body).Category, Reason(body?.Reason)), ct))));
    }

    private static async Task<Ok<ProposalList>> ListProposalsAsync(IMediator mediator, string? status, CancellationToken cancellationToken)
    {
        DeletionStatus? filter = status is null ? null : Enum.TryParse<DeletionStatus>(status, ignoreCase: true, out var s) ? s : throw new FormatException($"Unknown deletion status '{status}'.");
        return TypedResults.Ok(new ProposalList([.. (await mediator.Send(new ListDeletionProposalsQuery(filter), cancellationToken)).Select(RetentionDocuments.Proposal)]));
    }

    private static async Task<Created<HoldJson>> PlaceHoldAsync(IMediator mediator, HoldRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var (scope, target) = (request.Recording, request.Case) switch
        {
            ({ } recording, null) => (HoldScope.Recording, recording),
            (null, { } number) => (HoldScope.Case, number),
            _ => throw new FormatException("Give exactly one of 'recording' or 'case'."),
        };
        var hold = await mediator.Send(new PlaceHoldCommand(scope, target, Reason(request.Reason), Required.Field(request.Authority, "authority")), cancellationToken);
        return TypedResults.Created($"/holds/{hold.Id}", RetentionDocuments.Hold(hold));
    }

    private static async Task<Ok<RetentionJson>> MarkAsync(IMediator mediator, string id, MarkRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var marked = await mediator.Send(
            new MarkRecordingCommand(RecordingId.Parse(id), RecordingMarks.Parse(Required.Field(request.Mark, "mark")), request.Case is { } c ? CaseNumber.Parse(c) : null, Reason(request.Reason)),
            cancellationToken);
        return TypedResults.Ok(RetentionDocuments.Retention(marked));
    }

    private static string Reason(string? reason) => Required.Field(reason, "reason");
}
