using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting;
using Mediator;

namespace EvidenceVault.Api;

/// <summary>The recording endpoints; each is one use case, so custody entries and access checks are the CLI's.</summary>
internal static class RecordingEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", ShowAsync);
        group.MapGet("/{id}/original", OriginalAsync);
    }

    private static async Task<IResult> ListAsync(IMediator mediator, string? officer, string? device, DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken cancellationToken)
    {
        var filter = new RecordingFilter(
            officer is null ? null : OfficerId.Parse(officer),
            device is null ? null : DeviceId.Parse(device),
            from,
            to,
            limit is > 0 and <= 1000 ? limit.Value : 1000);
        var recordings = await mediator.Send(new ListRecordingsQuery(filter), cancellationToken);
        return TypedResults.Ok(new { recordings = recordings.Select(RecordingDocument.Of) });
    }

    private static async Task<IResult> ShowAsync(IMediator mediator, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(RecordingDocument.Of(await mediator.Send(new ShowRecordingQuery(RecordingId.Parse(id)), cancellationToken)));

    private static async Task<IResult> OriginalAsync(IMediator mediator, DownloadArea downloads, string id, CancellationToken cancellationToken)
    {
        var path = downloads.NewPath();
        RetrievalResult result;
        try
        {
            result = await mediator.Send(new RetrieveRecordingCommand(RecordingId.Parse(id), RetrievalTarget.Original, path), cancellationToken);
        }
        catch
        {
            File.Delete(path + ".partial");
            throw;
        }

        return TypedResults.Stream(
            DownloadArea.OpenOnce(result.OutputPath),
            "application/octet-stream",
            fileDownloadName: $"{id}.original",
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{result.Sha256}\""),
            enableRangeProcessing: true);
    }
}
