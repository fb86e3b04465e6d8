using System.Data.Common;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Fixity checks and integrity incidents in the catalog database (SQLite or PostgreSQL); every change carries its custody entry in the same transaction.</summary>
public sealed partial class SqlFixityStore(CatalogDatabase database) : IFixityStore
{
    public Task<IReadOnlyList<RecordingEntry>> DueAsync(int limit, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"""
            SELECT {RecordingRows.SelectColumns} FROM recordings
            LEFT JOIN (SELECT recording_id, MAX(checked_at) AS last_checked FROM fixity_checks GROUP BY recording_id) f ON f.recording_id = recordings.id
            WHERE recordings.destroyed_at IS NULL
            ORDER BY f.last_checked IS NOT NULL, f.last_checked, recordings.id LIMIT @limit
            """,
            p => p.AddWithValue("@limit", limit),
            RecordingRows.Read,
            cancellationToken);

    public async Task RecordChecksAsync(IReadOnlyList<FixityCheck> checks, CustodyEntry custody, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        foreach (var check in checks)
        {
            await InsertCheckAsync(connection, transaction, check, cancellationToken);
        }

        await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<long?> RecordFailureAsync(FixityCheck check, CustodyEntry failure, IntegrityIncident incident, Func<long, CustodyEntry> raised, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await InsertCheckAsync(connection, transaction, check, cancellationToken);
        await SqlCustodyWriter.AppendAsync(connection, transaction, failure, cancellationToken);
        long? id = null;
        if (!await OpenIncidentCoversAsync(connection, transaction, incident, cancellationToken))
        {
            id = await CatalogDatabase.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO incidents (recording_id, kind, detected_at, details, status) VALUES (@r, @kind, @at, @details, 'open') RETURNING id",
                p =>
                {
                    p.AddWithValue("@r", incident.Recording.Value);
                    p.AddWithValue("@kind", incident.Kind);
                    p.AddWithValue("@at", RecordingRows.UtcKey(incident.DetectedAt));
                    p.AddWithValue("@details", incident.Details);
                },
                cancellationToken);
            await CatalogDatabase.ExecuteAsync(connection, transaction, "UPDATE recordings SET integrity = 'failed' WHERE id = @r", p => p.AddWithValue("@r", incident.Recording.Value), cancellationToken);
            await SqlCustodyWriter.AppendAsync(connection, transaction, raised(id.Value), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>One open incident per recording and target: a damaged proxy does not hide a damaged original.</summary>
    private static async Task<bool> OpenIncidentCoversAsync(DbConnection connection, DbTransaction transaction, IntegrityIncident incident, CancellationToken cancellationToken)
    {
        using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT kind FROM incidents WHERE recording_id = @r AND status = 'open'";
        query.Parameters.AddWithValue("@r", incident.Recording.Value);
        await using var rows = await query.ExecuteReaderAsync(cancellationToken);
        var target = IncidentKinds.TargetOf(incident.Kind);
        while (await rows.ReadAsync(cancellationToken))
        {
            if (IncidentKinds.TargetOf(rows.GetString(0)) == target)
            {
                return true;
            }
        }

        return false;
    }

    private static Task<long> InsertCheckAsync(DbConnection connection, DbTransaction transaction, FixityCheck check, CancellationToken cancellationToken) =>
        CatalogDatabase.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO fixity_checks (recording_id, checked_at, ok, actual_sha256) VALUES (@r, @at, @ok, @actual)",
            p =>
            {
                p.AddWithValue("@r", check.Recording.Value);
                p.AddWithValue("@at", RecordingRows.UtcKey(check.At));
                p.AddWithValue("@ok", check.Ok ? 1 : 0);
                p.AddWithValue("@actual", (object?)check.ActualSha256 ?? DBNull.Value);
            },
            cancellationToken);
}
