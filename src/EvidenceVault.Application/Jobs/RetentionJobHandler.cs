using EvidenceVault.Application.Retention;
using Microsoft.Extensions.Logging;

namespace EvidenceVault.Application.Jobs;

/// <summary>
/// The scheduled retention sweep: destroys approved deletions whose recovery window has passed, then pushes every
/// recording's current retention lock to the vault (a hold or a case closed since the last sweep). The deletions
/// were authorised by their two approvers, so the worker runs the use case itself rather than as a user with a role.
/// Idempotent: a destroyed proposal is closed once, a missing original counts as destroyed, and locks only move later.
/// </summary>
public sealed class RetentionJobHandler(DestroyDueDeletionsHandler destroy, RetentionFacts facts, VaultLockSync locks, ILogger<RetentionJobHandler> logger) : IJobHandler
{
    public JobKind Kind => JobKind.Retention;

    public async Task RunAsync(JobLease job, CancellationToken cancellationToken)
    {
        var outcomes = await destroy.Handle(new DestroyDueDeletionsCommand(), cancellationToken);
        var assessed = await facts.AssessAllAsync(cancellationToken);
        foreach (var recording in assessed)
        {
            await locks.SyncAsync(recording, cancellationToken);
        }

        logger.LogInformation(
            "Retention sweep by {Worker}: {Destroyed} destroyed, {Refused} refused or deferred, {Locks} vault locks resynced",
            job.Owner,
            outcomes.Count(o => o.Destroyed),
            outcomes.Count(o => !o.Destroyed),
            assessed.Count);
    }

    public Task GiveUpAsync(JobLease job, string error, CancellationToken cancellationToken) => Task.CompletedTask;
}
