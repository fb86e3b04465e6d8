using System.Diagnostics;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Catalog;

/// <summary>The durable media job queue: lease, attempts, next-run time, dead after the last attempt.</summary>
public sealed partial class SqliteCatalog
{
    // Identifies this process on this host, so a lease held by a process that was killed can be taken back at once.
    private static readonly string LeaseOwner = $"{Environment.MachineName}:{Environment.ProcessId}:{Process.GetCurrentProcess().StartTime.Ticks}";

    public async Task<MediaJob?> ClaimMediaJobAsync(DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await ReleaseLeasesOfDeadProcessesAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = SqliteDatabase.BeginWrite(connection);
        using var claim = connection.CreateCommand();
        claim.Transaction = transaction;
        claim.CommandText = """
            UPDATE media_jobs SET state = 'leased', attempts = attempts + 1, lease_until = $until, lease_owner = $owner
            WHERE id = (SELECT id FROM media_jobs
                        WHERE (state = 'pending' AND next_run_at <= $now) OR (state = 'leased' AND lease_until <= $now)
                        ORDER BY next_run_at, id LIMIT 1)
            RETURNING id, recording_id, attempts
            """;
        claim.Parameters.AddWithValue("$now", RecordingRows.UtcKey(now));
        claim.Parameters.AddWithValue("$until", RecordingRows.UtcKey(now + lease));
        claim.Parameters.AddWithValue("$owner", LeaseOwner);
        MediaJob? job = null;
        using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                job = new MediaJob(reader.GetInt64(0), RecordingId.Parse(reader.GetString(1)), reader.GetInt32(2));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return job;
    }

    public async Task CompleteMediaJobAsync(MediaJob job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE media_jobs SET state = 'done', lease_until = NULL, lease_owner = NULL, last_error = NULL WHERE id = $id";
        command.Parameters.AddWithValue("$id", job.Id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FailMediaJobAsync(MediaJob job, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = retryAt is null
            ? "UPDATE media_jobs SET state = 'dead', lease_until = NULL, lease_owner = NULL, last_error = $error WHERE id = $id"
            : "UPDATE media_jobs SET state = 'pending', next_run_at = $retry, lease_until = NULL, lease_owner = NULL, last_error = $error WHERE id = $id";
        command.Parameters.AddWithValue("$id", job.Id);
        command.Parameters.AddWithValue("$error", error);
        command.Parameters.AddWithValue("$retry", retryAt is { } at ? RecordingRows.UtcKey(at) : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> CountPendingMediaJobsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM media_jobs WHERE state IN ('pending', 'leased')";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ReleaseLeasesOfDeadProcessesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var owners = new List<string>();
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT DISTINCT lease_owner FROM media_jobs WHERE state = 'leased' AND lease_owner LIKE $host";
            query.Parameters.AddWithValue("$host", Environment.MachineName + ":%");
            using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                owners.Add(reader.GetString(0));
            }
        }

        foreach (var owner in owners.Where(o => o != LeaseOwner && !IsAlive(o)))
        {
            using var release = connection.CreateCommand();
            release.CommandText = "UPDATE media_jobs SET state = 'pending', lease_until = NULL, lease_owner = NULL WHERE state = 'leased' AND lease_owner = $owner";
            release.Parameters.AddWithValue("$owner", owner);
            await release.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool IsAlive(string owner)
    {
        var parts = owner.Split(':');
        if (parts.Length != 3 || !int.TryParse(parts[1], out var pid))
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) == parts[2];
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
