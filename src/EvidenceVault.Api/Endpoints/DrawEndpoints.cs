using EvidenceVault.Application.Draws;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.SpotChecks;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceVault.Api.Endpoints;

/// <summary>
/// Random, verifiable draws (双随机一公开) and spot checks of recordings (执法记录抽查): commit before the public seed
/// exists, reveal once it is due (a spot check's reveal issues the 抽查 grant for its sample), show, verify, review.
/// </summary>
internal static class DrawEndpoints
{
    public static void Map(RouteGroupBuilder draws)
    {
        draws.MapGet("/", async (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(new DrawList([.. (await mediator.Send(new ListDrawsQuery(), ct)).Select(DrawDocuments.Draw)])));
        draws.MapPost("/", CommitAsync);
        draws.MapGet("/{id}", async (IMediator mediator, string id, CancellationToken ct) =>
            TypedResults.Ok(DrawDocuments.Draw(await mediator.Send(new ShowDrawQuery(DrawId.Parse(id)), ct))));
        draws.MapPost("/{id}/reveal", RevealAsync);
        draws.MapGet("/{id}/verify", async (IMediator mediator, string id, CancellationToken ct) =>
            TypedResults.Ok(DrawDocuments.Verification(await mediator.Send(new VerifyDrawQuery(DrawId.Parse(id)), ct))));
    }

    public static void MapSpotChecks(RouteGroupBuilder spotChecks)
    {
        spotChecks.MapPost("/", CommitSpotCheckAsync);

        // The sample is the reveal's outcome; the same use case as a draw's reveal, so it is fixed once either way.
        spotChecks.MapPost("/{id}/reveal", RevealAsync);
        spotChecks.MapPost("/{id}/reviews", ReviewAsync);
        spotChecks.MapGet("/{id}/statistics", async (IMediator mediator, string id, CancellationToken ct) =>
        {
            var draw = DrawId.Parse(id);
            return TypedResults.Ok(DrawDocuments.Statistics(draw, await mediator.Send(new SpotCheckStatisticsQuery(draw), ct)));
        });
    }

    private static async Task<Created<DrawJson>> CommitAsync(IMediator mediator, DrawCommitRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var draw = await mediator.Send(
            new CommitDrawCommand(
                DrawDocuments.ParseKind(request.Kind ?? DrawDocuments.Kind(DrawKind.General)),
                Required.Field(request.Title, "title"),
                [.. Required.Field(request.Candidates, "candidates").Select(c => new DrawCandidate(Required.Field(c.Id, "candidates[].id"), c.Stratum))],
                SeedSource.Parse(Required.Field(request.SeedSource, "seedSource")),
                DrawQuota.Parse(Required.Field(request.Quota, "quota")),
                Required.Field(request.SeedDueAt, "seedDueAt")),
            cancellationToken);
        return TypedResults.Created($"/draws/{draw.Id}", DrawDocuments.Draw(draw));
    }

    private static async Task<Created<DrawJson>> CommitSpotCheckAsync(IMediator mediator, SpotCheckCommitRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var by = request.By is null ? SpotCheckStrata.Officer
            : Enum.TryParse<SpotCheckStrata>(request.By, ignoreCase: true, out var strata) && Enum.IsDefined(strata) ? strata
            : throw new FormatException($"'{request.By}' is not a stratification (officer or unit).");
        var draw = await mediator.Send(
            new CommitSpotCheckCommand(
                Required.Field(request.Title, "title"),
                Required.Field(request.From, "from"),
                Required.Field(request.Until, "until"),
                by,
                Required.Field(request.PerStratum, "perStratum"),
                SeedSource.Parse(Required.Field(request.SeedSource, "seedSource")),
                Required.Field(request.SeedDueAt, "seedDueAt")),
            cancellationToken);
        return TypedResults.Created($"/draws/{draw.Id}", DrawDocuments.Draw(draw));
    }

    private static async Task<Ok<DrawJson>> RevealAsync(IMediator mediator, string id, DrawRevealRequest? body, CancellationToken cancellationToken) =>
        TypedResults.Ok(DrawDocuments.Draw(await mediator.Send(new RevealDrawCommand(DrawId.Parse(id), DrawSeed.Parse(Required.Field(Required.Body(body).Seed, "seed"))), cancellationToken)));

    private static async Task<Created<SpotCheckReviewJson>> ReviewAsync(IMediator mediator, string id, SpotCheckReviewRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var review = await mediator.Send(
            new ReviewSpotCheckCommand(
                DrawId.Parse(id),
                RecordingId.Parse(Required.Field(request.Recording, "recording")),
                [.. Required.Field(request.Findings, "findings").Select(f => new ChecklistFinding(Required.Field(f.Item, "findings[].item"), Required.Field(f.Met, "findings[].met"), f.Note))],
                request.FollowUp),
            cancellationToken);
        return TypedResults.Created($"/spot-checks/{id}/reviews", DrawDocuments.Review(review));
    }
}
