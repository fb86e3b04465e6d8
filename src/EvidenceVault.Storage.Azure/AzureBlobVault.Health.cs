using Azure;
using EvidenceVault.Application.Vault;
using Polly.CircuitBreaker;

namespace EvidenceVault.Storage.Azure;

/// <summary>
/// The vault's availability as the breaker and the latest calls see it, in application terms (no Polly type leaves).
/// The probe goes through the same breaker as real work: while it is open the probe costs nothing, and once the break
/// is over the probe can be the trial call that closes it, so uploads resume without a real upload failing first.
/// </summary>
public sealed partial class AzureBlobVault
{
    private volatile Outage? outage;
    private long blockedUntilTicks;

    public VaultHealth Current
    {
        get
        {
            var state = circuit.CircuitState switch
            {
                CircuitState.Open or CircuitState.Isolated => VaultCircuit.Open,
                CircuitState.HalfOpen => VaultCircuit.HalfOpen,
                _ => VaultCircuit.Closed,
            };
            var failing = outage;
            if (state == VaultCircuit.Closed && failing is null)
            {
                return VaultHealth.Ok;
            }

            var now = time.GetUtcNow();
            var remaining = new DateTimeOffset(Interlocked.Read(ref blockedUntilTicks), TimeSpan.Zero) - now;

            // Polly moves an open circuit to half-open only on the next call; once the break is over, that call is let through.
            if (state == VaultCircuit.Open && remaining <= TimeSpan.Zero)
            {
                state = VaultCircuit.HalfOpen;
            }

            var retryAfter = state == VaultCircuit.Open ? TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(remaining.TotalSeconds))) : options.BreakDuration;
            return new VaultHealth(false, state, failing?.Since ?? now, retryAfter, failing?.Error);
        }
    }

    public async Task<VaultHealth> ProbeAsync(CancellationToken cancellationToken)
    {
        if (Current is { Circuit: VaultCircuit.Open } open)
        {
            return open;
        }

        // The probe client gives up after HealthProbeTimeout; this bound also covers a connect that hangs.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(options.HealthProbeTimeout * 2);
        try
        {
            await RunStepAsync("reach the container", ProbeContainerAsync, bound.Token);
        }
        catch (VaultUnavailableException)
        {
            // Already noted by the step.
        }
        catch (VaultException ex)
        {
            // Storage answers but refuses us (credentials, permissions): as unusable as an outage.
            NoteOutage(ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            NoteOutage($"Azure storage did not answer the health probe within {options.HealthProbeTimeout.TotalSeconds:0.#} s.");
        }

        return Current;
    }

    private async ValueTask<bool> ProbeContainerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await probeContainer.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException missing) when (IsNotFound(missing))
        {
            // Storage answered; the container is created by the first write.
        }

        return true;
    }

    private void NoteOutage(string error)
    {
        var now = time.GetUtcNow();
        outage = new Outage(outage?.Since ?? now, error);
    }

    private sealed record Outage(DateTimeOffset Since, string Error);
}
