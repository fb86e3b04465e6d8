using EvidenceVault.Application.Diagnostics;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Application.Media;
using EvidenceVault.Application.Vault;
using Mediator;

namespace EvidenceVault.Api;

/// <summary>
/// <c>GET /healthz</c>: catalog, vault and ffmpeg (the checks of <c>evidencevault doctor</c>) and the job queue. Dead
/// jobs make it <c>degraded</c> but still 200: the service works and a person must look at them (<c>jobs list --state
/// dead</c>), which a load balancer taking the node out would not help. An unavailable vault (storage unreachable or its
/// circuit breaker open) makes it <c>unhealthy</c> and 503, not degraded: the node cannot secure an upload now, so a load
/// balancer should send uploads elsewhere; clients and jobs wait and retry meanwhile, and nothing already received is lost.
/// </summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> CheckAsync(IMediator mediator, IMediaProbe media, IJobQueue queue, IVaultHealth vault, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new List<string>();

        // First, with its short bound: the diagnosis below then sees the outage and does not wait on storage itself.
        var storage = await vault.ProbeAsync(cancellationToken);
        SystemReport? report = null;
        try
        {
            report = await mediator.Send(new DiagnoseQuery(), cancellationToken);
            problems.AddRange(report.Problems);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Diagnose reads the catalog first; anything it cannot survive means the catalog is unusable.
            problems.Add($"catalog unreachable: {ex.Message}");
        }

        string? tools = null;
        try
        {
            tools = await media.DescribeToolsAsync(cancellationToken);
        }
        catch (MediaToolMissingException ex)
        {
            problems.Add($"ffmpeg missing: {ex.Message}");
        }

        object? jobs = null;
        var warnings = new List<string>();
        try
        {
            var stats = await queue.StatsAsync(time.GetUtcNow(), cancellationToken);
            jobs = new
            {
                depth = Enum.GetValues<JobKind>().ToDictionary(JobNames.Of, stats.OpenOf),
                dead = stats.DeadTotal,
                oldestPendingSeconds = stats.OldestPendingAge is { } age ? Math.Round(age.TotalSeconds, 1) : (double?)null,
            };
            if (stats.DeadTotal > 0)
            {
                warnings.Add($"{stats.DeadTotal} dead jobs: see `evidencevault jobs list --state dead`, retry with `jobs retry <id>`");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            problems.Add($"job queue unreadable: {ex.Message}");
        }

        var document = new
        {
            status = problems.Count > 0 ? "unhealthy" : warnings.Count > 0 ? "degraded" : "healthy",
            catalog = report is null ? "unreachable" : "ok",
            vault = new
            {
                backend = report?.Vault,
                state = storage.Available ? "ok" : "unavailable",
                circuit = storage.Circuit switch { VaultCircuit.Open => "open", VaultCircuit.HalfOpen => "half-open", _ => "closed" },
                since = storage.Since,
                retryAfterSeconds = storage.RetryAfter is { } wait ? (int?)Math.Ceiling(wait.TotalSeconds) : null,
                lastError = storage.LastError,
            },
            retentionEnforcement = report?.RetentionEnforcement,
            custodyChain = report?.CustodyChain,
            pendingMediaJobs = report?.PendingMediaJobs,
            mediaTools = tools,
            jobs,
            problems,
            warnings,
        };
        return TypedResults.Json(document, statusCode: problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
