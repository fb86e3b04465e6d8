using System.Net.Http.Json;
using System.Text.Json;
using EvidenceVault.Application.Station;

namespace EvidenceVault.Devices.Station;

/// <summary>A station's board read over HTTP from its <c>/station/bays</c>.</summary>
public sealed class HttpStationBoards(HttpClient http) : IStationBoards
{
    public async Task<BoardSnapshot> ReadAsync(Uri station, CancellationToken cancellationToken)
    {
        var url = new Uri(station, "/station/bays");
        try
        {
            return await http.GetFromJsonAsync<BoardSnapshot>(url, StationBoardJson.Options, cancellationToken)
                ?? throw new StationBoardUnavailableException($"{url} answered with an empty board.");
        }
        catch (HttpRequestException ex)
        {
            throw new StationBoardUnavailableException($"{url} cannot be read: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw new StationBoardUnavailableException($"{url} did not answer with a station board: {ex.Message}", ex);
        }
    }
}
