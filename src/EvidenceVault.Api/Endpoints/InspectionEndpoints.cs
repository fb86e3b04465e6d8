using System.Text;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceVault.Api.Endpoints;

/// <summary>
/// 双随机一公开 over HTTP: the CLI's <c>inspection task</c> and <c>inspection pool</c> commands. Tasks live under
/// <c>/inspections/tasks</c> so that <c>/inspections</c> stays the staff web page's address; roles come from the commands.
/// </summary>
internal static class InspectionEndpoints
{
    public static void Map(RouteGroupBuilder inspections)
    {
        inspections.MapGet("/tasks", async (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(new InspectionTaskListJson([.. (await mediator.Send(new ListInspectionTasksQuery(), ct)).Select(t => InspectionDocuments.Task(t))])));
        inspections.MapPost("/tasks", CreateAsync);
        inspections.MapGet("/tasks/{id}", async (IMediator mediator, string id, CancellationToken ct) =>
        {
            var verification = await mediator.Send(new ShowInspectionTaskQuery(InspectionTaskId.Parse(id)), ct);
            return TypedResults.Ok(InspectionDocuments.Task(verification.Task, verification));
        });
        inspections.MapPost("/tasks/{id}/reveal", async (IMediator mediator, string id, RevealRequest? body, CancellationToken ct) =>
            TypedResults.Ok(InspectionDocuments.Task(await mediator.Send(
                new RevealInspectionTaskCommand(InspectionTaskId.Parse(id), DrawSeed.Parse(Required.Field(Required.Body(body).Seed, "seed"))), ct))));
        inspections.MapPost("/tasks/{id}/recusals", RecuseAsync);
        inspections.MapPost("/tasks/{id}/outcomes", OutcomeAsync);
        inspections.MapPost("/tasks/{id}/publish", async (IMediator mediator, string id, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new PublishInspectionResultsCommand(InspectionTaskId.Parse(id)), ct)));
        inspections.MapGet("/pools/{kind}", async (IMediator mediator, string kind, long? version, CancellationToken ct) =>
            TypedResults.Ok(PoolWithCsv(await mediator.Send(new ShowInspectionPoolQuery(InspectionDocuments.ParsePoolKind(kind), version), ct))));
        inspections.MapPost("/pools/{kind}", ImportAsync).Accepts<string>("text/csv");
    }

    private static async Task<Created<InspectionTaskJson>> CreateAsync(IMediator mediator, CreateInspectionTaskRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var task = await mediator.Send(
            new CreateInspectionTaskCommand(
                Required.Field(request.Matter, "matter"),
                new PoolFilter(request.Category, request.Area),
                Required.Field(request.Targets, "targets"),
                request.PerTarget ?? InspectionAssignment.MinimumPerTarget,
                SeedSource.Parse(Required.Field(request.SeedSource, "seedSource")),
                Required.Field(request.SeedDue, "seedDue")),
            cancellationToken);
        return TypedResults.Created($"/inspections/tasks/{task.Id}", InspectionDocuments.Task(task));
    }

    private static async Task<Ok<RecusalJson>> RecuseAsync(IMediator mediator, string id, RecusalRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var recusal = await mediator.Send(
            new RecuseInspectorCommand(
                InspectionTaskId.Parse(id), Required.Field(request.Target, "target"), Required.Field(request.Inspector, "inspector"), Required.Field(request.Reason, "reason"), request.Replacement),
            cancellationToken);
        return TypedResults.Ok(InspectionDocuments.Recusal(recusal));
    }

    private static async Task<Ok<InspectionOutcomeJson>> OutcomeAsync(IMediator mediator, string id, OutcomeRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var outcome = await mediator.Send(
            new RecordInspectionOutcomeCommand(
                InspectionTaskId.Parse(id),
                Required.Field(request.Target, "target"),
                InspectionResults.Parse(Required.Field(request.Result, "result")),
                Required.Field(request.Handling, "handling"),
                Required.Field(request.Date, "date")),
            cancellationToken);
        return TypedResults.Ok(InspectionDocuments.Outcome(outcome));
    }

    /// <summary>The body is the pool file itself (UTF-8 CSV), so its SHA-256 is what <c>sha256sum</c> gives for that file.</summary>
    private static async Task<Created<InspectionPoolJson>> ImportAsync(IMediator mediator, string kind, HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        string csv;
        try
        {
            csv = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException("The pool file is not UTF-8 text.");
        }

        var pool = await mediator.Send(new ImportInspectionPoolCommand(InspectionDocuments.ParsePoolKind(kind), csv), cancellationToken);
        return TypedResults.Created($"/inspections/pools/{InspectionDocuments.PoolKind(pool.Kind)}?version={pool.Version}", InspectionDocuments.Pool(pool));
    }

    private static InspectionPoolShownJson PoolWithCsv(InspectionPool pool) => new(InspectionDocuments.Pool(pool), pool.Csv);

    internal sealed record CreateInspectionTaskRequest(string? Matter, string? Category, string? Area, int? Targets, int? PerTarget, string? SeedSource, DateTimeOffset? SeedDue);

    internal sealed record RevealRequest(string? Seed);

    internal sealed record RecusalRequest(string? Target, string? Inspector, string? Reason, string? Replacement);

    internal sealed record OutcomeRequest(string? Target, string? Result, string? Handling, DateOnly? Date);

    internal sealed record InspectionPoolShownJson(InspectionPoolJson Pool, string Csv);
}
