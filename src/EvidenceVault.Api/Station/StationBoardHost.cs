using EvidenceVault.Application.Station;

namespace EvidenceVault.Api.Station;

/// <summary>
/// The station's own small web host: only <c>/station/bays</c>, over the board of the station process. It shows which
/// device and officer sit in which bay, so it listens on loopback unless configured otherwise.
/// </summary>
public static class StationBoardHost
{
    public static WebApplication Build(BayBoard board, IReadOnlyList<string> urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. urls]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(board);
        var app = builder.Build();
        app.MapStationBoard();
        return app;
    }
}
