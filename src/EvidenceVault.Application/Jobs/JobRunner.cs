using EvidenceVault.Application.Diagnostics;
using EvidenceVault.Application.Vault;
using Microsoft.Extensions.Logging;

namespace EvidenceVault.Application.Jobs;

/// <summary>What became of one claimed job.</summary>
public enum JobOutcome
{
    Done,
    Failed,

    /// <summary>The work ran but another worker had taken the lease over meanwhile; it completes the job.</summary>
    LeaseLost,

    /// <summary>The vault was unavailable: the lease was given back without spending the attempt, and the job waits for storage.</summary>
    StorageUnavailable,
}

/// <summary>
/// Claims a job with a lease, runs its handler, and completes it, or backs it off (1, 4, 16, 64 minutes) and makes
/// it dead after <see cref="MaxAttempts"/> attempts with its last error kept. On cancellation (a worker stopping)
/// the lease is given back without spending the attempt, and so it is while the vault is unavailable: an outage says
/// nothing about the job, so waiting one out must not walk the job towards dead.
/// </summary>
public sealed class JobRunner(IJobQueue queue, IEnumerable<IJobHandler> handlers, EvidenceVaultMetrics metrics, TimeProvider time, ILogger<JobRunner> logger)
{
    public const int MaxAttempts = 5;

    /// <summary>The work a recording needs after ingest; what <c>process</c> and inline ingest drain.</summary>
    public static readonly IReadOnlyCollection<JobKind> RecordingWork = [JobKind.Media, JobKind.Link];

    // Long enough for a proxy of a long 1080p recording; a killed worker's leases are taken back at once anyway.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    private readonly Dictionary<JobKind, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    /// <summary>Claims and runs one due job; null when none is due.</summary>
    public async Task<JobOutcome?> RunNextAsync(WorkerIdentity worker, IReadOnlyCollection<JobKind>? kinds, CancellationToken cancellationToken)
    {
        var job = await queue.ClaimAsync(worker.Id, kinds, time.GetUtcNow(), Lease, cancellationToken);
        return job is null ? null : await RunAsync(job, cancellationToken);
    }

    /// <summary>Runs every due job of the given kinds; returns what became of each, in order.</summary>
    public async Task<IReadOnlyList<(JobKind Kind, JobOutcome Outcome)>> DrainAsync(WorkerIdentity worker, IReadOnlyCollection<JobKind> kinds, CancellationToken cancellationToken)
    {
        var outcomes = new List<(JobKind, JobOutcome)>();
        while (await queue.ClaimAsync(worker.Id, kinds, time.GetUtcNow(), Lease, cancellationToken) is { } job)
        {
            var outcome = await RunAsync(job, cancellationToken);
            outcomes.Add((job.Kind, outcome));
            if (outcome == JobOutcome.StorageUnavailable)
            {
                // The job is due again at once; the rest would meet the same outage. They wait in the queue.
                break;
            }
        }

        return outcomes;
    }

    private async Task<JobOutcome> RunAsync(JobLease job, CancellationToken cancellationToken)
    {
        var handler = _handlers[job.Kind];
        var started = time.GetTimestamp();
        try
        {
            if (job.Attempt > MaxAttempts)
            {
                // Its worker died during the last attempt: a job that kills its worker must not be retried forever.
                throw new JobAbandonedException($"the worker running attempt {job.Attempt - 1} of {MaxAttempts} stopped before finishing it");
            }

            logger.LogDebug("Worker {Worker} runs job {JobId} ({Kind} {Subject}), attempt {Attempt}", job.Owner, job.Id, job.Kind, job.Subject, job.Attempt);
            await handler.RunAsync(job, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await queue.ReleaseAsync(job, CancellationToken.None);
            logger.LogInformation("Worker {Worker} stopped during job {JobId} ({Kind} {Subject}); the lease is released", job.Owner, job.Id, job.Kind, job.Subject);
            throw;
        }
        catch (VaultUnavailableException ex)
        {
            await queue.ReleaseAsync(job, CancellationToken.None);
            logger.LogInformation("Worker {Worker}: job {JobId} ({Kind} {Subject}) waits for the vault, attempt not spent: {Error}", job.Owner, job.Id, job.Kind, job.Subject, ex.Message);
            metrics.JobFinished(job.Kind, JobOutcome.StorageUnavailable, time.GetElapsedTime(started));
            return JobOutcome.StorageUnavailable;
        }
        catch (Exception ex)
        {
            await FailAsync(job, handler, ex, cancellationToken);
            metrics.JobFinished(job.Kind, JobOutcome.Failed, time.GetElapsedTime(started));
            return JobOutcome.Failed;
        }

        var completed = await queue.CompleteAsync(job, time.GetUtcNow(), CancellationToken.None);
        if (!completed)
        {
            logger.LogWarning("Worker {Worker} finished job {JobId} after its lease was taken over; the new holder completes it", job.Owner, job.Id);
        }

        var outcome = completed ? JobOutcome.Done : JobOutcome.LeaseLost;
        metrics.JobFinished(job.Kind, outcome, time.GetElapsedTime(started));
        return outcome;
    }

    private async Task FailAsync(JobLease job, IJobHandler handler, Exception ex, CancellationToken cancellationToken)
    {
        var last = job.Attempt >= MaxAttempts;
        var now = time.GetUtcNow();
        logger.LogWarning(ex, "Worker {Worker}: job {JobId} ({Kind} {Subject}) failed on attempt {Attempt}{Final}", job.Owner, job.Id, job.Kind, job.Subject, job.Attempt, last ? "; giving up" : "; will retry");
        if (await queue.FailAsync(job, ex.Message, now, last ? null : now + Backoff(job.Attempt), CancellationToken.None) && last)
        {
            await handler.GiveUpAsync(job, ex.Message, cancellationToken);
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMinutes(Math.Pow(4, Math.Min(attempt, MaxAttempts) - 1));
}

/// <summary>A job whose worker died during its last attempt; it is given up without running again.</summary>
public sealed class JobAbandonedException(string message) : Exception(message);
