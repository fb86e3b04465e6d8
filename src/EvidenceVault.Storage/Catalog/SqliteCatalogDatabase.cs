using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EvidenceVault.Storage.Catalog;

/// <summary>The catalog in one SQLite file: the embedded default for a single station or server.</summary>
public sealed class SqliteCatalogDatabase : CatalogDatabase
{
    private readonly string _connectionString;

    public SqliteCatalogDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }

    public override string Location => Path;

    // SQLite has one writer at a time; the write lock already keeps claimers apart.
    internal override string SkipLocked => string.Empty;

    internal override bool IsConstraintViolation(DbException error) => error is SqliteException { SqliteErrorCode: 19 };

    /// <summary>
    /// Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE unless asked for a deferred one, taking the write
    /// lock at once so that read-then-write inside a transaction cannot race another writer.
    /// </summary>
    internal override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    protected override async Task<DbConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragmas = connection.CreateCommand();

        // WAL lets readers run beside the writer; FULL sync because a committed row is a promise about evidence.
        pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>The schema version lives in <c>PRAGMA user_version</c>; all pending migrations run in one transaction.</summary>
    protected override async Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var current = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        if (CatalogSchema.Pending(current) is not { Count: > 0 } pending)
        {
            return;
        }

        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        foreach (var (number, sql) in pending)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = sql + $"\nPRAGMA user_version = {number};";
            await migrate.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
