using System.Data.Common;
using System.Globalization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Jobs;

namespace EvidenceVault.Storage.Catalog;

/// <summary>
/// The job queue in the catalog. Every claim is one <c>UPDATE ... RETURNING</c>: on SQLite inside a <c>BEGIN
/// IMMEDIATE</c> transaction, so claimers in any number of threads or processes are serialised by the write lock; on
/// PostgreSQL its row is picked <c>FOR UPDATE SKIP LOCKED</c>, so concurrent claimers take different jobs without
/// waiting. Either way no two claimers receive the same job.
/// </summary>
public sealed class SqlJobQueue(CatalogDatabase database) : IJobQueue
{
    private const string Columns = "id, kind, subject, state, attempts, next_run_at, created_at, lease_owner, last_error, finished_at";

    // Guards every finishing write: only the worker holding this exact claim (owner and attempt) may finish it.
    private const string HeldBy = "id = @id AND state = 'leased' AND lease_owner = @owner AND attempts = @attempt";

    public Task<bool> EnqueueAsync(JobKind kind, string subject, DateTimeOffset runAt, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(async (connection, transaction) => await InsertAsync(connection, transaction, kind, subject, runAt, cancellationToken) == 1, cancellationToken);

    public async Task<JobLease?> ClaimAsync(string owner, IReadOnlyCollection<JobKind>? kinds, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await LeaseOwners.ReleaseLeasesOfDeadProcessesAsync(database, owner, cancellationToken);
        var only = kinds is null ? string.Empty : $"AND kind IN ({string.Join(", ", kinds.Select(k => $"'{JobNames.Of(k)}'"))})";
        return await database.InClaimTransactionAsync(
            async (connection, transaction) =>
            {
                using var claim = connection.CreateCommand();
                claim.Transaction = transaction;
                claim.CommandText = $"""
                    UPDATE jobs SET state = 'leased', attempts = attempts + 1, lease_until = @until, lease_owner = @owner
                    WHERE id = (SELECT id FROM jobs
                                WHERE ((state = 'pending' AND next_run_at <= @now) OR (state = 'leased' AND lease_until <= @now)) {only}
                                ORDER BY next_run_at, id LIMIT 1{database.SkipLocked})
                    RETURNING id, kind, subject, attempts
                    """;
                claim.Parameters.AddWithValue("@now", RecordingRows.UtcKey(now));
                claim.Parameters.AddWithValue("@until", RecordingRows.UtcKey(now + lease));
                claim.Parameters.AddWithValue("@owner", owner);
                using var reader = await claim.ExecuteReaderAsync(cancellationToken);
                return await reader.ReadAsync(cancellationToken)
                    ? new JobLease(reader.GetInt64(0), JobNames.Kind(reader.GetString(1)), reader.GetString(2), reader.GetInt32(3), owner)
                    : null;
            },
            cancellationToken);
    }

    public Task<bool> CompleteAsync(JobLease job, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateHeldAsync(job, "state = 'done', lease_until = NULL, last_error = NULL, finished_at = @at", p => p.AddWithValue("@at", RecordingRows.UtcKey(now)), cancellationToken);

    public Task<bool> FailAsync(JobLease job, string error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken) =>
        UpdateHeldAsync(
            job,
            retryAt is null
                ? "state = 'dead', lease_until = NULL, last_error = @error, finished_at = @at"
                : "state = 'pending', next_run_at = @at, lease_until = NULL, lease_owner = NULL, last_error = @error",
            p =>
            {
                p.AddWithValue("@error", error);
                p.AddWithValue("@at", RecordingRows.UtcKey(retryAt ?? now));
            },
            cancellationToken);

    public Task<bool> RenewAsync(JobLease job, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        UpdateHeldAsync(job, "lease_until = @until", p => p.AddWithValue("@until", RecordingRows.UtcKey(leaseUntil)), cancellationToken);

    public Task<bool> ReleaseAsync(JobLease job, CancellationToken cancellationToken) =>
        UpdateHeldAsync(job, "state = 'pending', attempts = attempts - 1, lease_until = NULL, lease_owner = NULL", _ => { }, cancellationToken);

    public Task<IReadOnlyList<JobKind>> ScheduleDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync<IReadOnlyList<JobKind>>(
            async (connection, transaction) =>
            {
                var due = new List<(JobKind Kind, long Every)>();
                using (var query = connection.CreateCommand())
                {
                    query.Transaction = transaction;
                    query.CommandText = "SELECT kind, every_seconds FROM job_schedules WHERE next_at <= @now ORDER BY kind";
                    query.Parameters.AddWithValue("@now", RecordingRows.UtcKey(now));
                    using var reader = await query.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        due.Add((JobNames.Kind(reader.GetString(0)), reader.GetInt64(1)));
                    }
                }

                var enqueued = new List<JobKind>();
                foreach (var (kind, every) in due)
                {
                    using var advance = connection.CreateCommand();
                    advance.Transaction = transaction;
                    advance.CommandText = "UPDATE job_schedules SET next_at = @next WHERE kind = @kind";
                    advance.Parameters.AddWithValue("@next", RecordingRows.UtcKey(now.AddSeconds(every)));
                    advance.Parameters.AddWithValue("@kind", JobNames.Of(kind));
                    await advance.ExecuteNonQueryAsync(cancellationToken);
                    if (await InsertAsync(connection, transaction, kind, JobNames.Of(kind), now, cancellationToken) == 1)
                    {
                        enqueued.Add(kind);
                    }
                }

                return enqueued;
            },
            cancellationToken);

    public async Task<int> CountOpenAsync(JobKind kind, CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT COUNT(*) FROM jobs WHERE kind = @kind AND state IN ('pending', 'leased')", p => p.AddWithValue("@kind", JobNames.Of(kind)), r => r.GetInt32(0), cancellationToken)).Single();

    public async Task<QueueStats> StatsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT kind, state, COUNT(*), MIN(CASE WHEN state = 'pending' AND next_run_at <= @now THEN next_run_at END) FROM jobs WHERE state IN ('pending', 'leased', 'dead') GROUP BY kind, state",
            p => p.AddWithValue("@now", RecordingRows.UtcKey(now)),
            r => (Kind: JobNames.Kind(r.GetString(0)), State: JobNames.State(r.GetString(1)), Count: r.GetInt32(2), OldestDue: r.IsDBNull(3) ? (DateTimeOffset?)null : When(r.GetString(3))),
            cancellationToken);
        var open = rows.Where(r => r.State != JobState.Dead).GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var dead = rows.Where(r => r.State == JobState.Dead).ToDictionary(r => r.Kind, r => r.Count);
        var oldest = rows.Select(r => r.OldestDue).Where(d => d is not null).Min();
        return new QueueStats(open, dead, oldest is { } due ? now - due : null);
    }

    public Task<IReadOnlyList<JobRow>> ListAsync(JobState? state, int limit, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT {Columns} FROM jobs WHERE state = @state OR @state IS NULL ORDER BY id DESC LIMIT @limit",
            p =>
            {
                p.AddWithValue("@state", state is { } s ? JobNames.Of(s) : DBNull.Value);
                p.AddWithValue("@limit", limit);
            },
            Read,
            cancellationToken);

    public async Task<JobRow?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await database.QueryAsync($"SELECT {Columns} FROM jobs WHERE id = @id", p => p.AddWithValue("@id", id), Read, cancellationToken)).SingleOrDefault();

    public Task<bool> RetryAsync(long id, DateTimeOffset now, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                using var retry = connection.CreateCommand();
                retry.Transaction = transaction;

                // The last error stays for the record; a job that meanwhile has an open twin is left dead.
                retry.CommandText = """
                    UPDATE jobs SET state = 'pending', attempts = 0, next_run_at = @now, lease_owner = NULL, finished_at = NULL
                    WHERE id = @id AND state = 'dead'
                      AND NOT EXISTS (SELECT 1 FROM jobs o WHERE o.kind = jobs.kind AND o.subject = jobs.subject AND o.state IN ('pending', 'leased'))
                    """;
                retry.Parameters.AddWithValue("@id", id);
                retry.Parameters.AddWithValue("@now", RecordingRows.UtcKey(now));
                if (await retry.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    return false;
                }

                await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
                return true;
            },
            cancellationToken);

    /// <summary>The insert ingest uses too, so a recording and its media job are written in one transaction.</summary>
    internal static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, JobKind kind, string subject, DateTimeOffset runAt, CancellationToken cancellationToken)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO jobs (kind, subject, state, next_run_at, created_at) VALUES (@kind, @subject, 'pending', @at, @at) ON CONFLICT DO NOTHING";
        insert.Parameters.AddWithValue("@kind", JobNames.Of(kind));
        insert.Parameters.AddWithValue("@subject", subject);
        insert.Parameters.AddWithValue("@at", RecordingRows.UtcKey(runAt));
        return await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task<bool> UpdateHeldAsync(JobLease job, string set, Action<DbParameterCollection> bind, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"UPDATE jobs SET {set} WHERE {HeldBy}";
                command.Parameters.AddWithValue("@id", job.Id);
                command.Parameters.AddWithValue("@owner", job.Owner);
                command.Parameters.AddWithValue("@attempt", job.Attempt);
                bind(command.Parameters);
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    private static JobRow Read(DbDataReader r) => new(
        r.GetInt64(0),
        JobNames.Kind(r.GetString(1)),
        r.GetString(2),
        JobNames.State(r.GetString(3)),
        r.GetInt32(4),
        When(r.GetString(5)),
        When(r.GetString(6)),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : When(r.GetString(9)));

    private static DateTimeOffset When(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
