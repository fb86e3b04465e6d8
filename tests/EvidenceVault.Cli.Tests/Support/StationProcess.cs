using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvidenceVault.Cli.Tests.Support;

/// <summary>A real <c>evidencevault station</c> process over a workspace, and its board read through <c>/station/bays</c>.</summary>
public sealed partial class StationProcess(Workspace workspace) : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private Process? _process;

    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Uri? _address;

    /// <summary>The board's client; its address is the one the station says it bound (port 0: no port picked ahead that
    /// another server could take first and answer 404 for).</summary>
    public HttpClient Http { get; } = new();

    public void Start(params string[] args) => _process = CliRunner.Start(
        workspace.Data,
        new Dictionary<string, string> { ["EVIDENCEVAULT__STATION__SCANINTERVAL"] = "00:00:00.200" },
        line =>
        {
            if (BoundAddress().Match(line) is { Success: true } bound)
            {
                _listening.TrySetResult(new Uri(bound.Groups[1].Value));
            }
        },
        ["station", .. args, "--plain", "--urls", "http://127.0.0.1:0"]);

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
            if (_address is null)
            {
                if (!_listening.Task.IsCompleted)
                {
                    await Task.Delay(20);
                    continue;
                }

                _address = await _listening.Task;
                Http.BaseAddress = _address;
            }

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

    [GeneratedRegex(@"bays at (http://[^/\s]+)/station/bays")]
    private static partial Regex BoundAddress();

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
