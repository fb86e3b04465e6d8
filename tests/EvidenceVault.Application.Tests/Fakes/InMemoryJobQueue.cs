using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Jobs;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>Just enough queue for the worker loop: claim the oldest due, lease-holder checks, release and fail.</summary>
public sealed class InMemoryJobQueue : IJobQueue
{
    private readonly Lock _gate = new();
    private readonly List<Row> _rows = [];

    public List<JobLease> Released { get; } = [];

    /// <summary>When set, completing or renewing any job reports that the lease was taken over.</summary>
    public bool LoseLeases { get; set; }

    public Row this[long id] => _rows.Single(r => r.Id == id);

    public Task<bool> EnqueueAsync(JobKind kind, string subject, DateTimeOffset runAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_rows.Any(r => r.Kind == kind && r.Subject == subject && r.State is JobState.Pending or JobState.Leased))
            {
                return Task.FromResult(false);
            }

            _rows.Add(new Row { Id = _rows.Count + 1, Kind = kind, Subject = subject, NextRunAt = runAt });
            return Task.FromResult(true);
        }
    }

    public Task<JobLease?> ClaimAsync(string owner, IReadOnlyCollection<JobKind>? kinds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var row = _rows.Where(r => r.State == JobState.Pending && r.NextRunAt <= now && (kinds is null || kinds.Contains(r.Kind))).OrderBy(r => r.NextRunAt).ThenBy(r => r.Id).FirstOrDefault();
            if (row is null)
            {
                return Task.FromResult<JobLease?>(null);
            }

            (row.State, row.Owner) = (JobState.Leased, owner);
            row.Attempts++;
            return Task.FromResult<JobLease?>(new JobLease(row.Id, row.Kind, row.Subject, row.Attempts, owner));
        }
    }

    public Task<bool> CompleteAsync(JobLease job, DateTimeOffset now, CancellationToken cancellationToken) =>
        Finish(job, row => row.State = JobState.Done, !LoseLeases);

    public Task<bool> FailAsync(JobLease job, string error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        Finish(job, row => (row.State, row.LastError, row.NextRunAt) = (retryAt is null ? JobState.Dead : JobState.Pending, error, retryAt ?? row.NextRunAt), true);

    public Task<bool> RenewAsync(JobLease job, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        Finish(job, row => row.LeaseUntil = leaseUntil, !LoseLeases);

    public Task<bool> ReleaseAsync(JobLease job, CancellationToken cancellationToken)
    {
        Released.Add(job);
        return Finish(job, row => (row.State, row.Attempts) = (JobState.Pending, row.Attempts - 1), true);
    }

    public Task<IReadOnlyList<JobKind>> ScheduleDueAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<JobKind>>([]);

    public Task<int> CountOpenAsync(JobKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.Count(r => r.Kind == kind && r.State is JobState.Pending or JobState.Leased));

    public Task<QueueStats> StatsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(new QueueStats(new Dictionary<JobKind, int>(), new Dictionary<JobKind, int>(), null));

    public Task<IReadOnlyList<JobRow>> ListAsync(JobState? state, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<JobRow?> FindAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> RetryAsync(long id, DateTimeOffset now, CustodyEntry custody, CancellationToken cancellationToken) => throw new NotSupportedException();

    private Task<bool> Finish(JobLease job, Action<Row> change, bool holderMayFinish)
    {
        lock (_gate)
        {
            var row = this[job.Id];
            if (!holderMayFinish || row.State != JobState.Leased || row.Owner != job.Owner || row.Attempts != job.Attempt)
            {
                return Task.FromResult(false);
            }

            change(row);
            return Task.FromResult(true);
        }
    }

    public sealed class Row
    {
        public long Id { get; init; }

        public JobKind Kind { get; init; }

        public required string Subject { get; init; }

        public JobState State { get; set; }

        public int Attempts { get; set; }

        public DateTimeOffset NextRunAt { get; set; }

        public string? Owner { get; set; }

        public DateTimeOffset? LeaseUntil { get; set; }

        public string? LastError { get; set; }
    }
}
