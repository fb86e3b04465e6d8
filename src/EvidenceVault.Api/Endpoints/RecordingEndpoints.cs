using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace EvidenceVault.Api.Endpoints;

/// <summary>The recording endpoints; each is one use case, so custody entries and access checks are the CLI's.</summary>
internal static class RecordingEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync);
        group.MapGet("/unfiled", UnfiledAsync);
        group.MapGet("/{id}", ShowAsync);
        group.MapGet("/{id}/original", (IMediator mediator, DownloadArea downloads, string id, string? grant, CancellationToken ct) =>
            DownloadAsync(mediator, downloads, id, grant, RetrievalTarget.Original, ct)).RequireRateLimiting(RequestLimits.Downloads);
        group.MapGet("/{id}/proxy", (IMediator mediator, DownloadArea downloads, string id, string? grant, CancellationToken ct) =>
            DownloadAsync(mediator, downloads, id, grant, RetrievalTarget.Proxy, ct)).RequireRateLimiting(RequestLimits.Downloads);
        group.MapGet("/{id}/thumbnail", (IMediator mediator, DownloadArea downloads, string id, string? grant, CancellationToken ct) =>
            DownloadAsync(mediator, downloads, id, grant, RetrievalTarget.Thumbnail, ct)).RequireRateLimiting(RequestLimits.Downloads);
        group.MapGet("/{id}/preview.jpg", (IMediator mediator, DownloadArea downloads, string id, string? grant, CancellationToken ct) =>
            DownloadAsync(mediator, downloads, id, grant, RetrievalTarget.Sprite, ct)).RequireRateLimiting(RequestLimits.Downloads);
        group.MapGet("/{id}/preview.vtt", (IMediator mediator, DownloadArea downloads, string id, string? grant, CancellationToken ct) =>
            DownloadAsync(mediator, downloads, id, grant, RetrievalTarget.SpriteCues, ct)).RequireRateLimiting(RequestLimits.Downloads);
    }

    /// <summary>The optional <c>?grant=R-n</c> a reviewer names to reach evidence under an approved retrieval.</summary>
    public static RetrievalId? Grant(string? grant) => string.IsNullOrWhiteSpace(grant) ? null : RetrievalId.Parse(grant);

    private static async Task<Ok<RecordingList>> ListAsync(IMediator mediator, string? officer, string? device, DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken cancellationToken)
    {
        var filter = new RecordingFilter(
            officer is null ? null : OfficerId.Parse(officer),
            device is null ? null : DeviceId.Parse(device),
            from,
            to,
            limit is > 0 and <= 1000 ? limit.Value : 1000);
        var recordings = await mediator.Send(new ListRecordingsQuery(filter), cancellationToken);
        return TypedResults.Ok(new RecordingList([.. recordings.Select(RecordingDocument.Of)]));
    }

    private static async Task<Ok<RecordingList>> UnfiledAsync(IMediator mediator, string? officer, CancellationToken cancellationToken)
    {
        var recordings = await mediator.Send(new ListUnfiledQuery(officer is null ? null : OfficerId.Parse(officer)), cancellationToken);
        return TypedResults.Ok(new RecordingList([.. recordings.Select(RecordingDocument.Of)]));
    }

    private static async Task<Ok<RecordingJson>> ShowAsync(IMediator mediator, string id, string? grant, CancellationToken cancellationToken) =>
        TypedResults.Ok(RecordingDocument.Of(await mediator.Send(new ShowRecordingQuery(RecordingId.Parse(id), Grant(grant)), cancellationToken)));

    internal static async Task<FileStreamHttpResult> DownloadAsync(IMediator mediator, DownloadArea downloads, string id, string? grant, RetrievalTarget target, CancellationToken cancellationToken)
    {
        // The spool is used only by a vault whose streams cannot seek; a local vault streams its write-once file.
        var opened = await mediator.Send(new OpenRecordingCommand(RecordingId.Parse(id), target, downloads.NewPath(), Grant(grant)), cancellationToken);
        var (contentType, suffix) = target switch
        {
            RetrievalTarget.Proxy => ("video/mp4", "proxy.mp4"),
            RetrievalTarget.Thumbnail => ("image/jpeg", "thumbnail.jpg"),

            // The cues name the sprite as "preview.jpg", beside them under either door.
            RetrievalTarget.Sprite => ("image/jpeg", "preview.jpg"),
            RetrievalTarget.SpriteCues => ("text/vtt; charset=utf-8", "preview.vtt"),
            _ => ("application/octet-stream", "original"),
        };

        // Range lets a player seek in the proxy; the ETag is the SHA-256 of exactly the bytes served.
        return TypedResults.Stream(
            opened.Content,
            contentType,
            fileDownloadName: $"{id}.{suffix}",
            entityTag: new EntityTagHeaderValue($"\"{opened.Sha256}\""),
            enableRangeProcessing: true);
    }
}
