using System.Text.Json;
using System.Text.Json.Serialization;

namespace EvidenceVault.Application.Station;

/// <summary>The stations whose bays the web app shows (section <c>StationBoards</c>), each read at its <c>/station/bays</c>.</summary>
public sealed class StationBoardsOptions
{
    public const string Section = "StationBoards";

    public List<StationBoardLink> Stations { get; set; } = [];

    /// <summary>How long a page waits for one station before it shows that station as unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>One station: a name people know it by and where its board listens (for example http://10.1.2.3:5081/).</summary>
public sealed class StationBoardLink
{
    public string Name { get; set; } = "";

    public Uri? Url { get; set; }
}

/// <summary>Reads a station's board from where it is published (the application's port; the adapter speaks HTTP).</summary>
public interface IStationBoards
{
    /// <exception cref="StationBoardUnavailableException">The station did not answer, or not with a board.</exception>
    Task<BoardSnapshot> ReadAsync(Uri station, CancellationToken cancellationToken);
}

public sealed class StationBoardUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The board's wire format, defined once for the station's endpoint and for the readers of it.</summary>
public static class StationBoardJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
