using Microsoft.Extensions.Logging;

namespace EvidenceVault.Application.Jobs;

/// <summary>
/// One worker: claims and runs jobs of every kind until stopped, polling an empty queue with back-off (0.2 s doubling
/// to 5 s), and enqueueing due periodic jobs every half minute. Stopping mid-job gives the lease back.
/// </summary>
public sealed class WorkerLoop(JobRunner runner, IJobQueue queue, TimeProvider time, ILogger<WorkerLoop> logger)
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

                if (await runner.RunNextAsync(worker, null, stopping) is not null)
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
                await Task.Delay(idle, time, stopping);
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
