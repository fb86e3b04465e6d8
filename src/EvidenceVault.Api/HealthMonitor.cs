using EvidenceVault.Application.Diagnostics;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Application.Media;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Application.Vault;
using EvidenceVault.Hosting;
using Mediator;

namespace EvidenceVault.Api;

/// <summary>The checks behind <c>/healthz</c> at one moment.</summary>
internal sealed record HealthSnapshot(DateTimeOffset CheckedAt, SystemReport? Report, string? MediaTools, JobsHealth? Jobs, long FreeBytes, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings);

/// <summary>
/// Runs the health checks (vault probe, the doctor's diagnosis with the incremental chain check, ffmpeg, the job
/// queue, free space against the upload reserve) at most once per <see cref="ApiLimits.HealthInterval"/>, one caller at a time; everyone else gets the
/// snapshot. ffmpeg's version is asked once: it does not change while the process runs.
/// </summary>
internal sealed class HealthMonitor(
    IServiceScopeFactory scopes, IMediaProbe media, IJobQueue queue, IVaultHealth vault, IUploadStore uploads, UploadLimits uploadLimits, ApiLimits limits, TimeProvider time)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HealthSnapshot? _last;
    private long _lastTicks;
    private string? _tools;

    public async Task<HealthSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_last) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_last) is { } checkedMeanwhile)
            {
                return checkedMeanwhile;
            }

            _last = await CheckAsync(cancellationToken);
            _lastTicks = Environment.TickCount64;
            return _last;
        }
        finally
        {
            _gate.Release();
        }
    }

    // Freshness is measured on the machine's monotonic clock: it is about load, not about the time evidence is stamped with.
    private HealthSnapshot? Fresh(HealthSnapshot? snapshot) =>
        snapshot is not null && Environment.TickCount64 - _lastTicks < limits.HealthInterval.TotalMilliseconds ? snapshot : null;

    private async Task<HealthSnapshot> CheckAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var warnings = new List<string>();

        // First, with its short bound: the diagnosis below then sees an outage and does not wait on storage itself.
        await vault.ProbeAsync(cancellationToken);
        SystemReport? report = null;
        try
        {
            using var scope = scopes.CreateScope();
            report = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DiagnoseQuery(), cancellationToken);
            problems.AddRange(report.Problems);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Diagnose reads the catalog first; anything it cannot survive means the catalog is unusable.
            problems.Add($"catalog unreachable: {ex.Message}");
        }

        try
        {
            _tools ??= await media.DescribeToolsAsync(cancellationToken);
        }
        catch (MediaToolMissingException ex)
        {
            problems.Add($"ffmpeg missing: {ex.Message}");
        }

        JobsHealth? jobs = null;
        try
        {
            var stats = await queue.StatsAsync(time.GetUtcNow(), cancellationToken);
            jobs = new JobsHealth(
                Enum.GetValues<JobKind>().ToDictionary(JobNames.Of, stats.OpenOf),
                stats.DeadTotal,
                stats.OldestPendingAge is { } age ? Math.Round(age.TotalSeconds, 1) : null);
            if (stats.DeadTotal > 0)
            {
                warnings.Add($"{stats.DeadTotal} dead jobs: see `evidencevault jobs list --state dead`, retry with `jobs retry <id>`");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            problems.Add($"job queue unreadable: {ex.Message}");
        }

        // Below the reserve every new upload is refused (507): people must free space, the node still serves evidence.
        var free = uploads.AvailableBytes();
        if (free < uploadLimits.ReservedFreeBytes)
        {
            warnings.Add($"free space below the reserve: {free} bytes free, {uploadLimits.ReservedFreeBytes} must stay free; new uploads are refused until space is freed");
        }

        return new HealthSnapshot(time.GetUtcNow(), report, _tools, jobs, free, problems, warnings);
    }

    public void Dispose() => _gate.Dispose();
}
