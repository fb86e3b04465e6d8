using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EvidenceVault.Cli.Tests.Support;

/// <summary>A real <c>evidencevault station</c> process over a workspace, and its board read through <c>/station/bays</c>.</summary>
public sealed class StationProcess(Workspace workspace) : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private Process? _process;

    public HttpClient Http { get; } = new() { BaseAddress = new Uri($"http://127.0.0.1:{Workspace.FreePort()}") };

    public void Start(params string[] args) => _process = CliRunner.Start(
        workspace.Data,
        new Dictionary<string, string> { ["EVIDENCEVAULT__STATION__SCANINTERVAL"] = "00:00:00.200" },
        ["station", .. args, "--plain", "--urls", Http.BaseAddress!.ToString()]);

    public async Task RegisterAsync(params string[] devices)
    {
        foreach (var device in devices)
        {
            Assert.Equal(0, (await CliRunner.RunAsync(workspace.Data, "devices", "add", device, "--model", "DSJ-V9")).ExitCode);
        }
    }

    public async Task<JsonElement> WaitForBaysAsync(Func<JsonElement, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        var last = "";
        while (deadline.Elapsed < Patience)
        {
            Assert.False(_process!.HasExited, "The station exited before its bays reached the state.");
            try
            {
                var board = await Http.GetFromJsonAsync<JsonElement>("/station/bays");
                last = board.ToString();
                if (condition(board))
                {
                    return board;
                }
            }
            catch (HttpRequestException ex) when (ex.StatusCode is null or HttpStatusCode.ServiceUnavailable)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The bays never reached the state; last seen: {last}");
    }

    public static JsonElement.ArrayEnumerator Bays(JsonElement board) => board.GetProperty("bays").EnumerateArray();

    public static int Count(JsonElement board, string phase) => Bays(board).Count(b => b.GetProperty("phase").GetString() == phase);

    public static JsonElement Bay(JsonElement board, string phase) => Bays(board).FirstOrDefault(b => b.GetProperty("phase").GetString() == phase);

    /// <summary>Recorder files with the recorder's naming (device, officer, time, number), so that the station knows whose they are.</summary>
    public static void RenameAsRecorderFiles(IReadOnlyList<string> clips, string recorder)
    {
        for (var i = 0; i < clips.Count; i++)
        {
            File.Move(clips[i], Path.Combine(Path.GetDirectoryName(clips[i])!, $"{recorder}_010203_202503010930{i:00}_{i + 1:0000}.MP4"));
        }
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        Http.Dispose();
    }
}
