namespace EvidenceVault.Api;

/// <summary>What <c>GET /healthz</c> tells anyone: healthy, degraded or unhealthy, and nothing about why.</summary>
internal sealed record HealthStatus(string Status);

/// <summary>What <c>GET /healthz</c> tells an administrator; its first field is the anonymous answer's only one.</summary>
internal sealed record HealthReport(
    string Status,
    DateTimeOffset CheckedAt,
    string Catalog,
    VaultHealthReport Vault,
    string? RetentionEnforcement,
    string? CustodyChain,
    int? PendingMediaJobs,
    string? MediaTools,
    JobsHealth? Jobs,
    long FreeBytes,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Warnings);

/// <summary>The vault as the node sees it now: its backend, the circuit breaker, and the last failure.</summary>
internal sealed record VaultHealthReport(string? Backend, string State, string Circuit, DateTimeOffset? Since, int? RetryAfterSeconds, string? LastError);

/// <summary>Open jobs by kind (keys are job names, as <c>jobs list</c> prints them), dead jobs, and the oldest wait.</summary>
internal sealed record JobsHealth(IReadOnlyDictionary<string, int> Depth, int Dead, double? OldestPendingSeconds);
