using System.Text.Json;
using EvidenceVault.Application.Redaction;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace EvidenceVault.Api.Endpoints;

/// <summary>Redacted copies of a recording: made from a JSON spec, listed with their lineage, and downloaded verified.</summary>
internal static class RedactionEndpoints
{
    public static void Map(RouteGroupBuilder recordings)
    {
        recordings.MapPost("/{id}/redactions", CreateAsync);
        recordings.MapGet("/{id}/redactions", async (IMediator mediator, string id, string? grant, CancellationToken ct) =>
            TypedResults.Ok(new RedactionList([.. (await mediator.Send(new ListRedactionsQuery(RecordingId.Parse(id), RecordingEndpoints.Grant(grant)), ct)).Select(RedactionDocuments.Redaction)])));
        recordings.MapGet("/{id}/redactions/{copy}", DownloadAsync).RequireRateLimiting(RequestLimits.Downloads);
    }

    /// <summary>The body is the spec itself (version 1: regions, mutes, frameBlurs), kept verbatim as its lineage.</summary>
    private static async Task<Created<RedactionJson>> CreateAsync(IMediator mediator, string id, string? grant, JsonElement? spec, CancellationToken cancellationToken)
    {
        var text = spec is { ValueKind: JsonValueKind.Object } s ? s.GetRawText() : throw new FormatException("The request body must be the redaction spec, a JSON object.");
        var made = await mediator.Send(new RedactRecordingCommand(RecordingId.Parse(id), text, RecordingEndpoints.Grant(grant)), cancellationToken);
        return TypedResults.Created($"/recordings/{id}/redactions/{made.Id}", RedactionDocuments.Redaction(made));
    }

    /// <summary>
    /// A redacted copy compared with its recorded SHA-256 on the way out (withheld with an integrity incident when it
    /// differs), logged, and spooled once; the same use case as the web app's player.
    /// </summary>
    internal static async Task<FileStreamHttpResult> DownloadAsync(IMediator mediator, DownloadArea downloads, string id, string copy, string? grant, CancellationToken cancellationToken)
    {
        var got = await mediator.Send(new RetrieveRedactionCommand(RecordingId.Parse(id), RedactionId.Parse(copy), downloads.NewPath(), RecordingEndpoints.Grant(grant)), cancellationToken);
        return TypedResults.Stream(DownloadArea.OpenOnce(got.OutputPath), "video/mp4", fileDownloadName: $"{id}.{copy}.mp4", entityTag: new EntityTagHeaderValue($"\"{got.Sha256}\""), enableRangeProcessing: true);
    }
}
