using EvidenceVault.Application.Access;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Api;

/// <summary>
/// <c>GET /healthz</c>: anonymous callers get only <c>{status}</c> (healthy, degraded, unhealthy); an administrator
/// also gets the details (vault backend, breaker, chain, ffmpeg, jobs). The checks are <see cref="HealthMonitor"/>'s
/// cached snapshot, so a flood of calls costs one check per interval and no work proportional to the ledger; only
/// the vault breaker's state (in memory) is read per call. Dead jobs and free space below the upload reserve make it <c>degraded</c> but still 200: a person
/// must look at them, which a load balancer taking the node out would not help. An unavailable vault makes it
/// <c>unhealthy</c> and 503: the node cannot secure an upload now, so a load balancer should send uploads elsewhere.
/// </summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> CheckAsync(HttpContext http, HealthMonitor monitor, IVaultHealth vault, IUserStore users, CancellationToken cancellationToken)
    {
        var snapshot = await monitor.CurrentAsync(cancellationToken);
        var storage = vault.Current;
        var problems = storage.Available || snapshot.Problems.Any(p => p.StartsWith("vault", StringComparison.Ordinal))
            ? snapshot.Problems
            : [.. snapshot.Problems, $"vault unreachable: {storage.LastError ?? "storage is failing"}"];
        var status = problems.Count > 0 ? "unhealthy" : snapshot.Warnings.Count > 0 ? "degraded" : "healthy";
        var code = problems.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        if (!await IsAdministratorAsync(http, users, cancellationToken))
        {
            return TypedResults.Json(new HealthStatus(status), statusCode: code);
        }

        var vaultReport = new VaultHealthReport(
            snapshot.Report?.Vault,
            storage.Available ? "ok" : "unavailable",
            storage.Circuit switch { VaultCircuit.Open => "open", VaultCircuit.HalfOpen => "half-open", _ => "closed" },
            storage.Since,
            storage.RetryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null,
            storage.LastError);
        return TypedResults.Json(
            new HealthReport(
                status,
                snapshot.CheckedAt,
                snapshot.Report is null ? "unreachable" : "ok",
                vaultReport,
                snapshot.Report?.RetentionEnforcement,
                snapshot.Report?.CustodyChain,
                snapshot.Report?.PendingMediaJobs,
                snapshot.MediaTools,
                snapshot.Jobs,
                snapshot.FreeBytes,
                problems,
                snapshot.Warnings),
            statusCode: code);
    }

    private static async Task<bool> IsAdministratorAsync(HttpContext http, IUserStore users, CancellationToken cancellationToken) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } name }
        && await users.FindAsync(UserName.Parse(name), cancellationToken) is { } user
        && user.Has(Role.Administrator);
}
