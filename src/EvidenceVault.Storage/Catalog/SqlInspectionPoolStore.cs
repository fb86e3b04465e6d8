using System.Data.Common;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Domain.Inspections;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Catalog;

/// <summary>双随机 pool versions in the catalog database (SQLite or PostgreSQL); each import carries its custody entry.</summary>
public sealed class SqlInspectionPoolStore(CatalogDatabase database) : IInspectionPoolStore
{
    private const string Select = "SELECT id, kind, csv, sha256, imported_by, imported_at FROM inspection_pools";

    public Task<InspectionPool> ImportAsync(Func<long, InspectionPool> numbered, Func<InspectionPool, CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                var pool = numbered(await CatalogDatabase.NextNumberAsync(connection, transaction, "inspection_pools", cancellationToken));
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO inspection_pools (id, kind, csv, sha256, imported_by, imported_at) VALUES (@id, @kind, @csv, @sha256, @by, @at)",
                    p =>
                    {
                        p.AddWithValue("@id", pool.Version);
                        p.AddWithValue("@kind", pool.Kind.ToString());
                        p.AddWithValue("@csv", pool.Csv);
                        p.AddWithValue("@sha256", pool.Sha256.Hex);
                        p.AddWithValue("@by", pool.ImportedBy);
                        p.AddWithValue("@at", RecordingRows.Time(pool.ImportedAt));
                    },
                    cancellationToken);
                await SqlCustodyWriter.AppendAsync(connection, transaction, custody(pool), cancellationToken);
                return pool;
            },
            cancellationToken);

    public async Task<InspectionPool?> LatestAsync(InspectionPoolKind kind, CancellationToken cancellationToken) =>
        (await database.QueryAsync(Select + " WHERE kind = @kind ORDER BY id DESC LIMIT 1", p => p.AddWithValue("@kind", kind.ToString()), Read, cancellationToken)).SingleOrDefault();

    public async Task<InspectionPool?> FindAsync(long version, CancellationToken cancellationToken) =>
        (await database.QueryAsync(Select + " WHERE id = @id", p => p.AddWithValue("@id", version), Read, cancellationToken)).SingleOrDefault();

    private static InspectionPool Read(DbDataReader r) => new(
        r.GetInt64(0), Enum.Parse<InspectionPoolKind>(r.GetString(1)), r.GetString(2), Sha256Digest.Parse(r.GetString(3)), r.GetString(4), RecordingRows.ParseTime(r.GetString(5)));
}
