using System.Text.Json;
using EvidenceVault.Cli.Tests.Support;
using static EvidenceVault.Cli.Tests.Support.StationProcess;

namespace EvidenceVault.Cli.Tests;

/// <summary>
/// The real <c>evidencevault station</c> process over a mount root whose folders are the docked devices (folders stand in
/// for USB mounts: the same scanner reads both, see the Devices tests), watched through its <c>/station/bays</c>.
/// </summary>
public sealed class StationCommandTests : IDisposable
{
    private const string Recorder = "A123456";
    private readonly Workspace _workspace = new();
    private readonly StationProcess _station;
    private readonly string _mountRoot;
    private readonly string _outside;

    public StationCommandTests()
    {
        _station = new StationProcess(_workspace);
        _mountRoot = Directory.CreateDirectory(Path.Combine(_workspace.Root, "media")).FullName;
        _outside = Directory.CreateDirectory(Path.Combine(_workspace.Root, "unplugged")).FullName;
    }

    [Fact]
    public async Task Station_RecorderAndStickPluggedTogether_SecuresAndWipesTheRecorderAndRefusesTheStick()
    {
        await _station.RegisterAsync(Recorder, "B765432");
        var recorder = Path.Combine(_outside, "sdb1");
        var clips = DistinctVideos.Make(_workspace.Root, Directory.CreateDirectory(Path.Combine(recorder, "DCIM")).FullName, 3);
        StationProcess.RenameAsRecorderFiles(clips, Recorder);
        var shanghai = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        await File.WriteAllTextAsync(Path.Combine(recorder, "TIME.TXT"), shanghai.AddSeconds(90).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        var stick = Directory.CreateDirectory(Path.Combine(_outside, "sdc1")).FullName;
        await File.WriteAllTextAsync(Path.Combine(stick, "holiday.jpg"), "not evidence");
        StartStation("--wipe", "--clock-file", "TIME.TXT");

        Plug("sdb1");
        Plug("sdc1");
        var board = await _station.WaitForBaysAsync(b => Count(b, "done") == 1 && Count(b, "refused") == 1);

        var done = Bay(board, "done");
        Assert.Equal(Recorder, done.GetProperty("device").GetString());
        Assert.Equal(3, done.GetProperty("summary").GetProperty("stored").GetInt32());
        Assert.True(File.Exists(Path.Combine(_mountRoot, "sdb1", "TIME.TXT")), "The clock file is the recorder's, not evidence: it stays.");
        Assert.InRange(done.GetProperty("clockOffsetSeconds").GetDouble(), 80, 100);
        Assert.True(done.GetProperty("wipeAfterVerify").GetBoolean());
        Assert.Empty(Directory.GetFiles(Path.Combine(_mountRoot, "sdb1", "DCIM")));
        var refused = Bay(board, "refused");
        Assert.Equal("unregistered-device", refused.GetProperty("reasonCode").GetString());
        Assert.True(File.Exists(Path.Combine(_mountRoot, "sdc1", "holiday.jpg")));
        Assert.Equal(3, _workspace.CountVaultOriginals());
        Assert.Equal(1, await _workspace.ScalarAsync($"SELECT COUNT(*) FROM custody WHERE action = 'station.docked' AND subject = '{Recorder}'"));
        Assert.Equal(1, await _workspace.ScalarAsync("SELECT COUNT(*) FROM custody WHERE action = 'station.refused'"));

        var overdue = await CliRunner.RunAsync(_workspace.Data, "devices", "overdue", "--json");
        Assert.Equal(0, overdue.ExitCode);
        Assert.Equal(["B765432"], overdue.Json.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("device").GetString()));
        Assert.Equal(0, (await CliRunner.RunAsync(_workspace.Data, "audit", "verify")).ExitCode);
    }

    [Fact]
    public async Task Station_RecorderUnpluggedMidCopyThenReplugged_ResumesAndKeepsEachFileOnce()
    {
        const int Files = 8;
        await _station.RegisterAsync(Recorder);
        var dcim = Directory.CreateDirectory(Path.Combine(_outside, "sdb1", "DCIM")).FullName;
        for (var i = 1; i <= Files; i++)
        {
            var bytes = new byte[48 << 20];
            Random.Shared.NextBytes(bytes);
            await File.WriteAllBytesAsync(Path.Combine(dcim, $"{Recorder}_010203_2025030109{i:00}00_{i:0000}.MP4"), bytes);
        }

        StartStation();
        Plug("sdb1");
        await _station.WaitForBaysAsync(b => Bay(b, "copying") is { ValueKind: JsonValueKind.Object } bay && bay.GetProperty("filesDone").GetInt32() >= 2);
        Unplug("sdb1");
        var stopped = Bay(await _station.WaitForBaysAsync(b => Count(b, "failed") == 1 && !Bay(b, "failed").GetProperty("plugged").GetBoolean()), "failed");
        Assert.Equal("device-removed", stopped.GetProperty("reasonCode").GetString());
        var securedBefore = await _workspace.ScalarAsync("SELECT COUNT(*) FROM recordings");
        Assert.InRange(securedBefore, 1, Files - 1);

        Plug("sdb1");
        var summary = Bay(await _station.WaitForBaysAsync(b => Count(b, "done") == 1), "done").GetProperty("summary");

        Assert.Equal(Files, summary.GetProperty("files").GetInt32());
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        Assert.Equal(securedBefore, summary.GetProperty("alreadyIngested").GetInt32() + summary.GetProperty("duplicate").GetInt32());
        Assert.Equal(Files, await _workspace.ScalarAsync("SELECT COUNT(*) FROM recordings"));
        Assert.Equal(Files, _workspace.CountVaultOriginals());
        Assert.Equal(2, await _workspace.ScalarAsync($"SELECT COUNT(*) FROM custody WHERE action = 'station.docked' AND subject = '{Recorder}'"));
    }

    [Fact]
    public async Task Station_EventStream_SendsTheBoardWhenABayChanges()
    {
        await _station.RegisterAsync(Recorder);
        var clips = DistinctVideos.Make(_workspace.Root, Directory.CreateDirectory(Path.Combine(_outside, "sdb1")).FullName, 1);
        StationProcess.RenameAsRecorderFiles(clips, Recorder);
        StartStation();
        await _station.WaitForBaysAsync(b => Count(b, "empty") == 4);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/station/bays");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await _station.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Plug("sdb1");
        var phases = new List<string>();
        using var timeout = new CancellationTokenSource(StationProcess.Patience);
        while (!phases.Contains("done"))
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The event stream ended.");
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                phases.Add(JsonDocument.Parse(line[6..]).RootElement.GetProperty("bays")[0].GetProperty("phase").GetString()!);
            }
        }

        // Changes within 250 ms are sent as one event, so a short copy may show only its start and its end.
        Assert.Equal("empty", phases[0]);
        Assert.True(phases.Count >= 2);
    }

    [Fact]
    public async Task Station_InvalidConfiguration_ExitsBeforeReadingAnythingAndNamesEveryProblem()
    {
        var settings = Path.Combine(_workspace.Root, "appsettings.json");
        await File.WriteAllTextAsync(settings, """{ "Station": { "Bays": 99, "WatchedFolders": [ "/nonexistent/share" ] } }""");

        var result = await CliRunner.RunAsync(_workspace.Data, new Dictionary<string, string> { ["EVIDENCEVAULT__STATION__PERHUBLIMIT"] = "-1" }, "station", "--config", settings);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Station:Bays must be 1 to 64 (is 99)", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("'/nonexistent/share' is not a folder", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("PerHubLimit must be 0", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _station.Dispose();
        _workspace.Dispose();
    }

    private void StartStation(params string[] extra) => _station.Start(["--mount-root", _mountRoot, "--folders-as-devices", "--bays", "4", .. extra]);

    /// <summary>A rename is atomic: the station sees the whole device appear at once, as a mount does.</summary>
    private void Plug(string device) => Directory.Move(Path.Combine(_outside, device), Path.Combine(_mountRoot, device));

    private void Unplug(string device) => Directory.Move(Path.Combine(_mountRoot, device), Path.Combine(_outside, device));
}
