using System.Net;
using EvidenceVault.Api.Station;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Station;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// The archive's live view of the docking stations: the web app reads a real station board host over HTTP, and shows
/// a station that does not answer as such instead of failing the page.
/// </summary>
public sealed class WebStationTests : WebAppTestBase
{
    private readonly BayBoard _board = new(3, new FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture)));
    private readonly StationLinks _stations;

    public WebStationTests()
        : this(new StationLinks())
    {
    }

    private WebStationTests(StationLinks stations)
        : base(services => services.Configure<StationBoardsOptions>(o => o.Stations.AddRange(stations.Links))) => _stations = stations;

    [Fact]
    public async Task Stations_ArchivistWithAStationCopyingAndOneDown_SeesTheBaysAndWhichStationCannotBeRead()
    {
        await using var station = await StartStationAsync();
        _board.Update(1, _ => new BayStatus
        {
            Bay = 1,
            Phase = BayPhase.Copying,
            Plugged = true,
            Device = "A123456",
            Model = "DSJ-V9",
            Officer = "010203",
            FilesDone = 2,
            FilesTotal = 5,
            BytesDone = 40 << 20,
            BytesTotal = 100 << 20,
            MegabytesPerSecond = 38.5,
            ClockOffsetSeconds = 90,
        });
        _board.Update(2, _ => new BayStatus
        {
            Bay = 2,
            Phase = BayPhase.Done,
            Plugged = false,
            Device = "B765432",
            ReasonCode = "wipe-failed",
            Message = "All files were secured, but 2 could not be wiped",
            Summary = new IngestSummary(3, 3, 0, 0, 0, 0, 0, 0, 1024, 3, 1.5),
        });
        var archivist = await SignedInAsync(await ArchivistAsync());
        var officer = await SignedInAsync(ApiHost.Actor);

        using var response = await archivist.GetAsync("/stations");
        var page = await response.Content.ReadAsStringAsync();
        using var refused = await officer.GetAsync("/stations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("一楼采集站", page, StringComparison.Ordinal);
        Assert.Contains("data-phase=\"copying\"", page, StringComparison.Ordinal);
        Assert.Contains("A123456 (DSJ-V9)", page, StringComparison.Ordinal);
        Assert.Contains("010203", page, StringComparison.Ordinal);
        Assert.Contains("2/5 个文件", page, StringComparison.Ordinal);
        Assert.Contains("38.5 MB/s", page, StringComparison.Ordinal);
        Assert.Contains("90 秒", page, StringComparison.Ordinal);
        Assert.Contains("完成 · 已拔出", page, StringComparison.Ordinal);
        Assert.Contains("wipe-failed: All files were secured", page, StringComparison.Ordinal);
        Assert.Contains("二楼采集站", page, StringComparison.Ordinal);
        Assert.Contains("data-test=\"unreachable\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<WebApplication> StartStationAsync()
    {
        var station = StationBoardHost.Build(_board, ["http://127.0.0.1:0"]);
        await station.StartAsync();
        var address = new Uri(station.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        // A port nothing listens on: the second station is switched off.
        _stations.Links = [new() { Name = "一楼采集站", Url = address }, new() { Name = "二楼采集站", Url = new Uri("http://127.0.0.1:9/") }];
        return station;
    }

    private async Task<string> ArchivistAsync()
    {
        var archivist = ApiHost.UserFor(Domain.Access.Role.Archivist);
        await Host.SignInAsync(archivist);
        return archivist;
    }

    /// <summary>The stations are known only once the board host has its port, after the web host was built.</summary>
    private sealed class StationLinks
    {
        public IReadOnlyList<StationBoardLink> Links { get; set; } = [];
    }
}
