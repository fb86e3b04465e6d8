namespace EvidenceVault.Application.Vault;

/// <summary>The vault's circuit breaker: closed (calls go through), open (failing fast), half-open (one trial call allowed).</summary>
public enum VaultCircuit
{
    Closed,
    Open,
    HalfOpen,
}

/// <summary>
/// Whether the vault can be used now. <see cref="Since"/> is when the current outage began (the first failure since the
/// last success); <see cref="RetryAfter"/> is how long callers should wait before trying again.
/// </summary>
public sealed record VaultHealth(bool Available, VaultCircuit Circuit, DateTimeOffset? Since, TimeSpan? RetryAfter, string? LastError)
{
    public static readonly VaultHealth Ok = new(true, VaultCircuit.Closed, null, null, null);
}

/// <summary>
/// The vault's own view of its availability, so hosts can report an outage and workers can wait it out without
/// knowing which storage (or which resilience library) is behind the vault.
/// </summary>
public interface IVaultHealth
{
    /// <summary>What the vault knows from its recent calls, without touching storage.</summary>
    VaultHealth Current { get; }

    /// <summary>Asks storage with a short bound (never the long retries of a real transfer); an outage is reported, not thrown.</summary>
    Task<VaultHealth> ProbeAsync(CancellationToken cancellationToken);
}
