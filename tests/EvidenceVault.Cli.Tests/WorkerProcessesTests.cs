using System.Diagnostics;
using EvidenceVault.Cli.Tests.Support;
using Microsoft.Data.Sqlite;

namespace EvidenceVault.Cli.Tests;

/// <summary>Two real worker processes share one SQLite catalog; one is killed mid-way and nothing is lost or done twice.</summary>
public sealed class WorkerProcessesTests : IDisposable
{
    private const int Files = 50;
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task ServeRoleWorker_TwoProcessesOneKilledMidway_EveryMediaJobDoneExactlyOnce()
    {
        DistinctVideos.Make(_workspace.Root, _workspace.Recorder, Files);
        var ingest = await _workspace.IngestAsync("--defer-media");
        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(Files, ingest.Json.GetProperty("summary").GetProperty("stored").GetInt32());

        using var doomed = StartWorker();
        using var survivor = StartWorker();
        // About 15 s on an idle 2-core machine; the limit only stops a stuck run on a machine busy with other builds.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        await WaitUntilAsync(async () => await _workspace.ScalarAsync("SELECT COUNT(*) FROM jobs WHERE kind = 'media' AND state = 'done'") >= 10, timeout.Token);
        doomed.Kill(entireProcessTree: true);
        await doomed.WaitForExitAsync(timeout.Token);
        await WaitUntilAsync(async () => await _workspace.ScalarAsync("SELECT COUNT(*) FROM jobs WHERE kind IN ('media', 'link') AND state <> 'done'") == 0, timeout.Token);
        survivor.Kill(entireProcessTree: true);
        await survivor.WaitForExitAsync(timeout.Token);

        Assert.Equal(Files, await _workspace.ScalarAsync("SELECT COUNT(*) FROM jobs WHERE kind = 'media' AND state = 'done'"));
        Assert.Equal(0, await _workspace.ScalarAsync("SELECT COUNT(*) FROM jobs WHERE state = 'dead'"));
        Assert.Equal(Files, await _workspace.ScalarAsync("SELECT COUNT(*) FROM recordings WHERE media_state = 'done' AND has_proxy = 1"));
        var completions = await _workspace.ScalarAsync("SELECT COUNT(*) FROM custody WHERE action IN ('recording.media-processed', 'recording.media-failed', 'recording.quarantined')");
        var recordingsCompleted = await _workspace.ScalarAsync("SELECT COUNT(DISTINCT subject) FROM custody WHERE action IN ('recording.media-processed', 'recording.media-failed', 'recording.quarantined')");
        Assert.Equal((Files, Files), (completions, recordingsCompleted));
        Assert.Equal(0, await _workspace.ScalarAsync("SELECT COUNT(*) FROM custody WHERE action = 'recording.media-processed' AND actor NOT LIKE 'worker:%'"));
        Assert.Equal(Files, _workspace.CountVaultOriginals());
        Assert.Equal(0, (await CliRunner.RunAsync(_workspace.Data, "audit", "verify")).ExitCode);
    }

    public void Dispose() => _workspace.Dispose();

    private Process StartWorker() => CliRunner.Start(_workspace.Data, null, "serve", "--role", "worker");


    private async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Timed out; jobs by kind and state: {await JobSummaryAsync()}");
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    private async Task<string> JobSummaryAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_workspace.Data, "catalog.db")};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind || ' ' || state || ' ' || COUNT(*) FROM jobs GROUP BY kind, state";
        var lines = new List<string>();
        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join(", ", lines);
    }
}
