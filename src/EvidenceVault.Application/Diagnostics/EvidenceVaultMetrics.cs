using System.Diagnostics.Metrics;
using EvidenceVault.Application.Jobs;

namespace EvidenceVault.Application.Diagnostics;

/// <summary>
/// The <c>EvidenceVault</c> meter: files and bytes secured by ingest, job latency and failures, and the queue depth
/// per kind (read from the catalog when a collector asks, so every process sees the shared queue, not its own).
/// </summary>
public sealed class EvidenceVaultMetrics : IDisposable
{
    public const string MeterName = "EvidenceVault";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _filesIngested;
    private readonly Counter<long> _bytesIngested;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _jobFailures;

    public EvidenceVaultMetrics(IJobQueue queue, TimeProvider time)
    {
        _filesIngested = _meter.CreateCounter<long>("evidencevault.ingest.files", "{file}", "Files secured in the vault (stored or quarantined)");
        _bytesIngested = _meter.CreateCounter<long>("evidencevault.ingest.bytes", "By", "Bytes secured in the vault");
        _jobDuration = _meter.CreateHistogram<double>("evidencevault.job.duration", "s", "How long a job ran, by kind and outcome");
        _jobFailures = _meter.CreateCounter<long>("evidencevault.job.failures", "{job}", "Failed job attempts, by kind");
        _meter.CreateObservableGauge("evidencevault.queue.depth", () => Depth(queue, time, dead: false), "{job}", "Pending and leased jobs, by kind");
        _meter.CreateObservableGauge("evidencevault.queue.dead", () => Depth(queue, time, dead: true), "{job}", "Dead jobs (gave up after their last attempt), by kind");
    }

    public void FilesIngested(int files, long bytes)
    {
        _filesIngested.Add(files);
        _bytesIngested.Add(bytes);
    }

    public void JobFinished(JobKind kind, JobOutcome outcome, TimeSpan elapsed)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", JobNames.Of(kind));
        _jobDuration.Record(elapsed.TotalSeconds, kindTag, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));
        if (outcome == JobOutcome.Failed)
        {
            _jobFailures.Add(1, kindTag);
        }
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<int>> Depth(IJobQueue queue, TimeProvider time, bool dead)
    {
        QueueStats stats;
        try
        {
            // Collectors call gauges synchronously; a scrape must not fail because the catalog is busy.
            stats = queue.StatsAsync(time.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            return [];
        }

        return Enum.GetValues<JobKind>().Select(kind => new Measurement<int>(
            dead ? stats.Dead.GetValueOrDefault(kind) : stats.OpenOf(kind),
            new KeyValuePair<string, object?>("kind", JobNames.Of(kind))));
    }
}
