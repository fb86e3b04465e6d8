namespace EvidenceVault.Application.Jobs;

/// <summary>
/// Runs one kind of job. A handler must be idempotent: a job can run again after a worker was killed between
/// its effect and its completion, or (rarely) beside a worker whose lease ran out; the effect must still happen once.
/// </summary>
public interface IJobHandler
{
    JobKind Kind { get; }

    /// <summary>Does the work; any exception fails this attempt and the job is retried later.</summary>
    Task RunAsync(JobLease job, CancellationToken cancellationToken);

    /// <summary>Called once when the job is given up after its last attempt.</summary>
    Task GiveUpAsync(JobLease job, string error, CancellationToken cancellationToken);
}
