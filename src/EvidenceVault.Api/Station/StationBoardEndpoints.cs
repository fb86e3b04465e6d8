using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EvidenceVault.Application.Station;
using Microsoft.Net.Http.Headers;

namespace EvidenceVault.Api.Station;

/// <summary>
/// <c>GET /station/bays</c>: every bay as JSON, or, for <c>Accept: text/event-stream</c>, a server-sent event
/// <c>bays</c> with the whole board on each change (changes within 250 ms are merged), for the web app's live view.
/// </summary>
public static class StationBoardEndpoints
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(250);

    public static IEndpointRouteBuilder MapStationBoard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/station/bays", (HttpRequest request, BayBoard board, CancellationToken cancellationToken) =>
            request.Headers[HeaderNames.Accept].ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase)
                ? Results.ServerSentEvents(Events(board, cancellationToken))
                : Results.Json(board.Snapshot(), StationBoardJson.Options))
            .WithName("StationBays")
            .Produces<BoardSnapshot>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return endpoints;
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(BayBoard board, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var snapshot in board.WatchAsync(Coalesce, cancellationToken))
        {
            yield return new SseItem<string>(JsonSerializer.Serialize(snapshot, StationBoardJson.Options), "bays") { EventId = snapshot.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }
}
