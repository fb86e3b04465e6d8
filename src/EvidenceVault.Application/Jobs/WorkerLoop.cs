using EvidenceVault.Application.Vault;
using Microsoft.Extensions.Logging;

namespace EvidenceVault.Application.Jobs;

/// <summary>
/// One worker: claims and runs jobs of every kind until stopped, polling an empty queue with back-off (0.2 s doubling
/// to 5 s), and enqueueing due periodic jobs every half minute. Stopping mid-job gives the lease back. While the vault
/// is unavailable it waits at least as long as the vault asks (its breaker's remaining break) before the next claim.
/// </summary>
public sealed class WorkerLoop(JobRunner runner, IJobQueue queue, IVaultHealth vault, TimeProvider time, ILogger<WorkerLoop> logger)
{
    public static readonly TimeSpan IdleFirst = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan IdleLongest = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ScheduleEvery = TimeSpan.FromSeconds(30);

    public async Task RunAsync(WorkerIdentity worker, CancellationToken stopping)
    {
        WorkerActorContext.ActAs(worker);
        logger.LogInformation("Worker {Worker} started", worker.Id);
        var idle = IdleFirst;
        long? scheduled = null;
        while (!stopping.IsCancellationRequested)
        {
            var delay = idle;
            try
            {
                if (scheduled is null || time.GetElapsedTime(scheduled.Value) >= ScheduleEvery)
                {
                    foreach (var kind in await queue.ScheduleDueAsync(time.GetUtcNow(), stopping))
                    {
                        logger.LogInformation("Worker {Worker} scheduled the periodic {Kind} job", worker.Id, kind);
                    }

                    scheduled = time.GetTimestamp();
                }

                var outcome = await runner.RunNextAsync(worker, null, stopping);
                if (outcome == JobOutcome.StorageUnavailable)
                {
                    // Every job would meet the same outage: back off as the idle poll does, but never sooner than the vault asks.
                    delay = vault.Current.RetryAfter is { } asked && asked > idle ? asked : idle;
                    logger.LogInformation("Worker {Worker}: the vault is unavailable; next try in {Delay}", worker.Id, delay);
                }
                else if (outcome is not null)
                {
                    idle = IdleFirst;
                    continue;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The queue itself failed (catalog locked for too long, disk trouble): wait and try again, never die.
                logger.LogError(ex, "Worker {Worker} could not use the job queue; trying again in {Delay}", worker.Id, idle);
            }

            try
            {
                await Task.Delay(delay, time, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, IdleLongest.Ticks));
        }

        logger.LogInformation("Worker {Worker} stopped", worker.Id);
    }
}
