using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EvidenceVault.Domain.Access;
using Microsoft.Data.Sqlite;

namespace EvidenceVault.Api.Tests;

public sealed class JobsAndMetricsTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Metrics_AfterIngest_CountersMovedAndQueueDepthShown()
    {
        var metrics = await _host.Client.GetStringAsync("/metrics");

        Assert.True(Value(metrics, "evidencevault_ingest_files") >= 1, metrics);
        Assert.True(Value(metrics, "evidencevault_ingest_bytes") >= new FileInfo(_host.VaultObject).Length, metrics);
        Assert.True(Value(metrics, "evidencevault_queue_depth", "kind=\"media\"") >= 1, metrics);
    }

    [Fact]
    public async Task Healthz_DeadJob_DegradedButStill200()
    {
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_host.Data, "catalog.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE jobs SET state = 'dead', attempts = 5, last_error = 'ffmpeg crashed' WHERE kind = 'media'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        using var response = await (await _host.ClientForAsync(Role.Administrator)).GetAsync("/healthz");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("jobs").GetProperty("dead").GetInt32());
        Assert.Contains("jobs retry", Assert.Single(body.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleAll_WorkersInTheApiProcess_RunTheDeferredMediaJob()
    {
        var all = new ApiHost { Workers = 1 };
        await all.InitializeAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var admin = await all.ClientForAsync(Role.Administrator);
            JsonElement health;
            do
            {
                await Task.Delay(200, timeout.Token);
                health = await admin.GetFromJsonAsync<JsonElement>("/healthz", timeout.Token);
            }
            while (health.GetProperty("jobs").GetProperty("depth").GetProperty("media").GetInt32() > 0);

            var processed = Assert.Single(await all.CustodyAsync(), e => e.Action == "recording.media-processed");
            Assert.StartsWith("worker:", processed.Actor, StringComparison.Ordinal);
            Assert.True(Value(await all.Client.GetStringAsync("/metrics", timeout.Token), "evidencevault_job_duration_seconds_count", "kind=\"media\"") >= 1);
        }
        finally
        {
            await all.DisposeAsync();
        }
    }

    /// <summary>The sum of a metric's samples whose labels contain <paramref name="label"/>, in the Prometheus text format.</summary>
    private static double Value(string exposition, string name, string label = "") =>
        Regex.Matches(exposition, $@"^{name}(?:_total)?(?:\{{(?<labels>[^}}]*)\}})?\s+(?<value>\S+)", RegexOptions.Multiline)
            .Where(m => m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
}
