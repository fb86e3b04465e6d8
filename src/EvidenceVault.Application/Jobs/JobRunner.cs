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

    /// <summary>
    /// How long a claim holds without news from its worker. Work of any length keeps it by renewing every
    /// <see cref="RenewEvery"/>; a worker that vanished (a machine gone) frees its jobs within this time, and one
    /// killed on this host at once (its process is gone).
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>A third of the lease, so two renewals can fail (a catalog hiccup) before the lease runs out.</summary>
    public static readonly TimeSpan RenewEvery = Lease / 3;

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
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var workEnded = new CancellationTokenSource();
        var keeper = KeepLeaseAsync(job, leaseLost, workEnded.Token);
        try
        {
            if (job.Attempt > MaxAttempts)
            {
                // Its worker died during the last attempt: a job that kills its worker must not be retried forever.
                throw new JobAbandonedException($"the worker running attempt {job.Attempt - 1} of {MaxAttempts} stopped before finishing it");
            }

            logger.LogDebug("Worker {Worker} runs job {JobId} ({Kind} {Subject}), attempt {Attempt}", job.Owner, job.Id, job.Kind, job.Subject, job.Attempt);
            await handler.RunAsync(job, leaseLost.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await queue.ReleaseAsync(job, CancellationToken.None);
            logger.LogInformation("Worker {Worker} stopped during job {JobId} ({Kind} {Subject}); the lease is released", job.Owner, job.Id, job.Kind, job.Subject);
            throw;
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            // Another worker holds the job now and will finish it; this one neither completes nor releases it.
            logger.LogWarning("Worker {Worker} lost the lease of job {JobId} ({Kind} {Subject}) while running it; stopped", job.Owner, job.Id, job.Kind, job.Subject);
            metrics.JobFinished(job.Kind, JobOutcome.LeaseLost, time.GetElapsedTime(started));
            return JobOutcome.LeaseLost;
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
        finally
        {
            await workEnded.CancelAsync();
            await keeper;
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

    /// <summary>Renews the lease until the work ends; cancels the work through <paramref name="lost"/> when the lease is gone.</summary>
    private async Task KeepLeaseAsync(JobLease job, CancellationTokenSource lost, CancellationToken workEnded)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, time, workEnded);
                try
                {
                    if (!await queue.RenewAsync(job, time.GetUtcNow() + Lease, workEnded))
                    {
                        await lost.CancelAsync();
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The lease still runs; the next round tries again, and a lease that ran out meanwhile reports itself lost.
                    logger.LogWarning(ex, "Worker {Worker} could not renew the lease of job {JobId}; trying again in {Interval}", job.Owner, job.Id, RenewEvery);
                }
            }
        }
        catch (OperationCanceledException) when (workEnded.IsCancellationRequested)
        {
        }
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
