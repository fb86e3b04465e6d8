using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace EvidenceVault.Storage.Catalog;

/// <summary>
/// The catalog on PostgreSQL, shared by API and worker processes on several machines. Writers are serialised by a
/// transaction-scoped advisory lock per schema, which keeps the guarantees the stores were written for (one writer at a
/// time, as on SQLite); job claims take no such lock and use <c>FOR UPDATE SKIP LOCKED</c>, so claimers never wait on
/// each other or on writers.
/// </summary>
public sealed class PostgresCatalogDatabase : CatalogDatabase, IDisposable, IAsyncDisposable
{
    // An arbitrary class id for our advisory locks; the second key is the schema's hash, so schemas do not contend.
    private const int LockClass = 0x45565654;
    private readonly NpgsqlDataSource _source;

    public PostgresCatalogDatabase(string url)
    {
        var builder = PostgresCatalogUrl.Parse(url);
        Location = PostgresCatalogUrl.Describe(builder);
        _source = NpgsqlDataSource.Create(builder);
    }

    public override string Location { get; }

    internal override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    // SQLSTATE class 23: integrity constraint violations (unique, foreign key, check, not null).
    internal override bool IsConstraintViolation(DbException error) => error.SqlState?.StartsWith("23", StringComparison.Ordinal) == true;

    internal override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, cancellationToken);
        return transaction;
    }

    internal override async Task<DbTransaction> BeginClaimAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    public void Dispose() => _source.Dispose();

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// The version lives in <c>schema_version</c>. Migrations run in one transaction under the write lock, so processes
    /// starting together upgrade once and a failed upgrade leaves nothing half done (DDL is transactional here).
    /// </summary>
    protected override async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", _ => { }, cancellationToken);
        var current = (int)await ExecuteAsync(connection, transaction, "SELECT MAX(version) FROM schema_version", _ => { }, cancellationToken);
        var pending = CatalogSchema.Pending(current);
        if (pending.Count == 0)
        {
            return;
        }

        await ExecuteAsync(connection, transaction, PostgresSchema.Preamble, _ => { }, cancellationToken);
        foreach (var (_, sql) in pending)
        {
            await ExecuteAsync(connection, transaction, PostgresSchema.Render(sql), _ => { }, cancellationToken);
        }

        await ExecuteAsync(connection, transaction, "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES (@version)", p => p.AddWithValue("@version", pending[^1].Number), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task LockAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            connection,
            transaction,
            string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({LockClass}, hashtext(current_schema()))"),
            _ => { },
            cancellationToken);
}
