using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceVault.Api.Endpoints;

/// <summary>What happens inside a case: activities, the legal review, the decision and its disclosure, and the deadlines they open.</summary>
internal static class CaseActivityEndpoints
{
    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapPost("/{number}/activities", AddAsync);
        cases.MapPut("/{number}/activities/{activityId:long}", UpdateAsync);
        cases.MapPost("/{number}/legal-review", ReviewAsync);
        cases.MapPost("/{number}/decision", DecideAsync);
        cases.MapPost("/{number}/revocation", RevokeAsync);
    }

    public static void MapDeadlines(RouteGroupBuilder deadlines) =>
        deadlines.MapGet("/", async (IMediator mediator, bool? overdue, CancellationToken ct) =>
            TypedResults.Ok(new DeadlineList([.. (await mediator.Send(new ListDeadlinesQuery(overdue ?? false), ct)).Select(CaseDocuments.Deadline)])));

    private static async Task<Created<ActivityJson>> AddAsync(IMediator mediator, string number, ActivityRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var activity = await mediator.Send(
            new AddActivityCommand(
                CaseNumber.Parse(number),
                CaseTerms.ParseStage(Required.Field(request.Stage, "stage")),
                Required.Field(request.ActivityType, "activityType"),
                Officers(request),
                request.Place,
                Required.Field(request.Start, "start"),
                Required.Field(request.End, "end")),
            cancellationToken);
        return TypedResults.Created($"/cases/{Uri.EscapeDataString(number)}/activities/{activity.Id}", CaseDocuments.Activity(activity));
    }

    /// <summary>Only the fields given change; linking runs again for the activity, manual links untouched.</summary>
    private static async Task<Ok<ActivityUpdateJson>> UpdateAsync(IMediator mediator, string number, long activityId, ActivityRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var update = await mediator.Send(
            new UpdateActivityCommand(
                CaseNumber.Parse(number),
                activityId,
                request.Stage is { } stage ? CaseTerms.ParseStage(stage) : null,
                request.ActivityType,
                Officers(request),
                request.Place,
                request.Start,
                request.End),
            cancellationToken);
        return TypedResults.Ok(new ActivityUpdateJson(CaseDocuments.Activity(update.Activity), update.Unlinked, update.Linked));
    }

    private static async Task<Ok<LegalReviewJson>> ReviewAsync(IMediator mediator, string number, LegalReviewRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var review = await mediator.Send(
            new RecordLegalReviewCommand(CaseNumber.Parse(number), Required.Field(request.Reviewer, "reviewer"), Required.Field(request.Opinion, "opinion"), Required.Field(request.Date, "date")),
            cancellationToken);
        return TypedResults.Ok(CaseDocuments.Review(review));
    }

    private static async Task<Ok<DecisionJson>> DecideAsync(IMediator mediator, string number, DecisionRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var decision = await mediator.Send(
            new DecideCaseCommand(CaseNumber.Parse(number), Required.Field(request.Date, "date"), Required.Field(request.Conclusion, "conclusion"), request.IsMajor),
            cancellationToken);
        return TypedResults.Ok(CaseDocuments.Decision(decision));
    }

    /// <summary>A revocation decided elsewhere; publishing and withdrawing are the publication steps, never typed dates.</summary>
    private static async Task<Ok<DecisionJson>> RevokeAsync(IMediator mediator, string number, RevocationRequest? body, CancellationToken cancellationToken)
    {
        var decision = await mediator.Send(new RecordRevocationCommand(CaseNumber.Parse(number), Required.Field(Required.Body(body).Date, "date")), cancellationToken);
        return TypedResults.Ok(CaseDocuments.Decision(decision));
    }

    private static IReadOnlyList<OfficerId> Officers(ActivityRequest request) => [.. (request.Officers ?? []).Select(OfficerId.Parse)];
}
