using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Jobs;

/// <summary>
/// The durable job queue in the catalog: lease, attempts, next-run time, dead after the last attempt. Several
/// workers (threads or processes) may share one queue: a claim is one atomic statement, and completing or failing
/// counts only for the current lease holder. On SQLite claims are serialised by the write lock; on PostgreSQL a claim
/// picks its row <c>FOR UPDATE SKIP LOCKED</c> so claimers never wait on each other.
/// </summary>
public interface IJobQueue
{
    /// <summary>Adds a job unless one of the same kind and subject is already open; true when added.</summary>
    Task<bool> EnqueueAsync(JobKind kind, string subject, DateTimeOffset runAt, CancellationToken cancellationToken);

    /// <summary>
    /// Leases the next due job (oldest due first) of the given kinds (all kinds when null) to <paramref name="owner"/>
    /// until now + <paramref name="lease"/>; an expired lease, or one held by a process that is gone, is taken over.
    /// </summary>
    Task<JobLease?> ClaimAsync(string owner, IReadOnlyCollection<JobKind>? kinds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the job done; false (and nothing changed) when the caller no longer holds the lease.</summary>
    Task<bool> CompleteAsync(JobLease job, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Puts the job back due at <paramref name="retryAt"/> with its error, or dead when null; lease holder only.</summary>
    Task<bool> FailAsync(JobLease job, string error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Extends the lease to <paramref name="leaseUntil"/> while the work goes on; false when the caller no longer holds it.</summary>
    Task<bool> RenewAsync(JobLease job, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Gives the lease back unfinished (a worker stopping), without spending an attempt; lease holder only.</summary>
    Task<bool> ReleaseAsync(JobLease job, CancellationToken cancellationToken);

    /// <summary>Enqueues every periodic kind whose schedule is due and moves its schedule on, atomically; returns the kinds enqueued.</summary>
    Task<IReadOnlyList<JobKind>> ScheduleDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<int> CountOpenAsync(JobKind kind, CancellationToken cancellationToken);

    Task<QueueStats> StatsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobRow>> ListAsync(JobState? state, int limit, CancellationToken cancellationToken);

    Task<JobRow?> FindAsync(long id, CancellationToken cancellationToken);

    /// <summary>A dead job becomes pending again with fresh attempts, with its custody entry in the same transaction; false unless it was dead.</summary>
    Task<bool> RetryAsync(long id, DateTimeOffset now, CustodyEntry custody, CancellationToken cancellationToken);
}
