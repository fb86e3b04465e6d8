namespace EvidenceVault.Application.Jobs;

/// <summary>The kinds of background work the durable queue carries.</summary>
public enum JobKind
{
    /// <summary>Probe, proxy and thumbnail of one recording (subject: the recording id).</summary>
    Media,

    /// <summary>Link one recording again once media work has learned its duration and container time (subject: the recording id).</summary>
    Link,

    /// <summary>Scheduled: destroy approved deletions past their recovery window and resync every vault lock.</summary>
    Retention,

    /// <summary>Scheduled: a fixity run within its byte budget.</summary>
    Fixity,
}

/// <summary>Where a job is in its life: waiting, held by one worker, finished, or given up after its last attempt.</summary>
public enum JobState
{
    Pending,
    Leased,
    Done,
    Dead,
}

/// <summary>The wire names of kinds and states, as stored in the catalog and printed by <c>jobs list</c>.</summary>
public static class JobNames
{
    public static string Of(JobKind kind) => kind.ToString().ToLowerInvariant();

    public static string Of(JobState state) => state.ToString().ToLowerInvariant();

    public static JobKind Kind(string name) => Enum.Parse<JobKind>(name, ignoreCase: true);

    public static JobState State(string name) => Enum.TryParse<JobState>(name, ignoreCase: true, out var state) && Enum.IsDefined(state)
        ? state
        : throw new FormatException($"Unknown job state '{name}'; use pending, leased, done or dead.");
}

/// <summary>
/// A job leased to one worker. <see cref="Attempt"/> (the attempt count after this claim) doubles as the lease
/// token: a worker whose lease was taken over holds an older attempt number and can no longer complete or fail it.
/// </summary>
public sealed record JobLease(long Id, JobKind Kind, string Subject, int Attempt, string Owner);

/// <summary>One row of the queue, for <c>jobs list</c>.</summary>
public sealed record JobRow(long Id, JobKind Kind, string Subject, JobState State, int Attempts, DateTimeOffset NextRunAt, DateTimeOffset CreatedAt, string? LeaseOwner, string? LastError, DateTimeOffset? FinishedAt);

/// <summary>The queue at a glance: open jobs per kind, dead jobs, and how long the oldest due job has waited.</summary>
public sealed record QueueStats(IReadOnlyDictionary<JobKind, int> Open, IReadOnlyDictionary<JobKind, int> Dead, TimeSpan? OldestPendingAge)
{
    public int OpenOf(JobKind kind) => Open.GetValueOrDefault(kind);

    public int DeadTotal => Dead.Values.Sum();
}
