using System.Data.Common;
using System.Globalization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Integrity incidents: listing and resolving.</summary>
public sealed partial class SqlFixityStore
{
    private const string IncidentSelect = "SELECT id, recording_id, kind, detected_at, details, status, resolved_at, resolved_by, resolution FROM incidents";

    public Task<IReadOnlyList<IntegrityIncident>> IncidentsAsync(IncidentStatus? status, CancellationToken cancellationToken) =>
        database.QueryAsync(
            IncidentSelect + " WHERE status = @status OR @status IS NULL ORDER BY id DESC",
            p => p.AddWithValue("@status", status is { } s ? s.ToString().ToLowerInvariant() : DBNull.Value),
            ReadIncident,
            cancellationToken);

    public async Task<IntegrityIncident?> FindIncidentAsync(long id, CancellationToken cancellationToken) =>
        (await database.QueryAsync(IncidentSelect + " WHERE id = @id", p => p.AddWithValue("@id", id), ReadIncident, cancellationToken)).SingleOrDefault();

    public async Task ResolveAsync(long id, string resolution, CustodyEntry custody, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await CatalogDatabase.ExecuteAsync(
            connection,
            transaction,
            "UPDATE incidents SET status = 'resolved', resolved_at = @at, resolved_by = @by, resolution = @why WHERE id = @id AND status = 'open'",
            p =>
            {
                p.AddWithValue("@id", id);
                p.AddWithValue("@at", RecordingRows.UtcKey(custody.At));
                p.AddWithValue("@by", custody.Actor);
                p.AddWithValue("@why", resolution);
            },
            cancellationToken);
        await CatalogDatabase.ExecuteAsync(
            connection,
            transaction,
            """
            UPDATE recordings SET integrity = CASE WHEN EXISTS (SELECT 1 FROM incidents WHERE recording_id = recordings.id AND status = 'open') THEN 'failed' ELSE 'ok' END
            WHERE id = (SELECT recording_id FROM incidents WHERE id = @id)
            """,
            p => p.AddWithValue("@id", id),
            cancellationToken);
        await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static IntegrityIncident ReadIncident(DbDataReader row)
    {
        DateTimeOffset? When(int i) => row.IsDBNull(i) ? null : DateTimeOffset.Parse(row.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return new IntegrityIncident(
            row.GetInt64(0),
            RecordingId.Parse(row.GetString(1)),
            row.GetString(2),
            When(3)!.Value,
            row.GetString(4),
            Enum.Parse<IncidentStatus>(row.GetString(5), ignoreCase: true),
            When(6),
            row.IsDBNull(7) ? null : row.GetString(7),
            row.IsDBNull(8) ? null : row.GetString(8));
    }
}
