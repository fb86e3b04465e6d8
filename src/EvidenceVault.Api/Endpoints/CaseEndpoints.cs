using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Export;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceVault.Api.Endpoints;

/// <summary>Cases, their links and their export: the CLI's <c>cases</c> and <c>export</c> commands over HTTP.</summary>
internal static class CaseEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync);
        group.MapGet("/{number}", async (IMediator mediator, string number, CancellationToken ct) =>
            TypedResults.Ok(CaseDocuments.Details(await mediator.Send(new ShowCaseQuery(CaseNumber.Parse(number)), ct))));
        group.MapPost("/{number}/close", async (IMediator mediator, string number, CancellationToken ct) =>
            TypedResults.Ok(CaseDocuments.Case(await mediator.Send(new CloseCaseCommand(CaseNumber.Parse(number)), ct))));
        group.MapPost("/{number}/reopen", async (IMediator mediator, string number, ReasonRequest? body, CancellationToken ct) =>
            TypedResults.Accepted((string?)null, await mediator.Send(new RequestReopenCommand(CaseNumber.Parse(number), Required.Field(Required.Body(body).Reason, "reason")), ct)));
        group.MapPost("/{number}/reopen/approve", async (IMediator mediator, string number, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ApproveReopenCommand(CaseNumber.Parse(number)), ct)));
        group.MapGet("/{number}/timeline", async (IMediator mediator, string number, CancellationToken ct) =>
            TypedResults.Ok(CaseDocuments.Timeline(await mediator.Send(new CaseTimelineQuery(CaseNumber.Parse(number)), ct))));
        group.MapPost("/{number}/links", AttachAsync);
        group.MapPost("/{number}/links/{recording}/detach", DetachAsync);
        group.MapPost("/{number}/export", ExportAsync);
        CaseActivityEndpoints.Map(group);
    }

    private static async Task<Ok<CaseList>> ListAsync(IMediator mediator, string? status, int? limit, CancellationToken cancellationToken)
    {
        CaseStatus? filter = status is null ? null : Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var s) ? s : throw new FormatException($"Unknown case status '{status}' (open or closed).");
        // Without ?limit every case, as before; with it the newest ones (1 to 1000), as the web app's case list shows.
        var cases = await mediator.Send(new ListCasesQuery(filter, limit is > 0 and <= 1000 ? limit : null), cancellationToken);
        return TypedResults.Ok(new CaseList([.. cases.Select(CaseDocuments.Case)]));
    }

    private static async Task<Created<CaseJson>> CreateAsync(IMediator mediator, CreateCaseRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var created = await mediator.Send(
            new CreateCaseCommand(
                CaseNumber.Parse(Required.Field(request.Number, "number")),
                CaseTerms.ParseType(Required.Field(request.Type, "type")),
                Required.Field(request.Party, "party"),
                request.Title,
                [.. (request.Officers ?? []).Select(OfficerId.Parse)]),
            cancellationToken);
        return TypedResults.Created($"/cases/{Uri.EscapeDataString(created.Number.Value)}", CaseDocuments.Case(created));
    }

    private static async Task<Ok<LinkJson>> AttachAsync(IMediator mediator, string number, AttachRequest? body, CancellationToken cancellationToken)
    {
        var request = Required.Body(body);
        var link = await mediator.Send(
            new AttachRecordingCommand(
                CaseNumber.Parse(number),
                RecordingId.Parse(Required.Field(request.Recording, "recording")),
                CaseTerms.ParseStage(Required.Field(request.Stage, "stage")),
                Required.Field(request.Reason, "reason"),
                request.DocumentType,
                request.ActivityId),
            cancellationToken);
        return TypedResults.Ok(CaseDocuments.Link(link));
    }

    private static async Task<Ok<DetachResult>> DetachAsync(IMediator mediator, string number, string recording, ReasonRequest? body, CancellationToken cancellationToken)
    {
        var reason = Required.Field(Required.Body(body).Reason, "reason");
        var removed = await mediator.Send(new DetachRecordingCommand(CaseNumber.Parse(number), RecordingId.Parse(recording), reason), cancellationToken);
        return TypedResults.Ok(new DetachResult(removed));
    }

    /// <summary>The BagIt package as one zip: originals re-hashed on the way out, custody slice and verify.sh inside.</summary>
    internal static async Task<FileStreamHttpResult> ExportAsync(IMediator mediator, DownloadArea downloads, string number, string? grant, bool? proxies, CancellationToken cancellationToken)
    {
        var target = downloads.NewPath() + ".zip";
        var result = await mediator.Send(new ExportCaseCommand(CaseNumber.Parse(number), target, proxies ?? true, RecordingEndpoints.Grant(grant)?.ToString()), cancellationToken);
        return TypedResults.Stream(DownloadArea.OpenOnce(result.Target), "application/zip", fileDownloadName: $"{number}.zip");
    }
}
