using EvidenceVault.Application.Custody;
using Microsoft.Data.Sqlite;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Opens connections to the catalog file with the settings every connection needs.</summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private int _migrated;

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }

    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using (var pragmas = connection.CreateCommand())
        {
            // WAL lets readers run beside the writer; FULL sync because a committed row is a promise about evidence.
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        if (Interlocked.Exchange(ref _migrated, 1) == 0)
        {
            SqliteSchema.Apply(connection);
        }

        return connection;
    }

    /// <summary>
    /// Microsoft.Data.Sqlite begins transactions with BEGIN IMMEDIATE by default, taking the write lock
    /// at once so that read-then-write inside a transaction cannot race another writer.
    /// </summary>
    internal static SqliteTransaction BeginWrite(SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    /// <summary>Runs one statement and appends its custody entry, in one write transaction.</summary>
    internal Task WriteWithCustodyAsync(string sql, Action<SqliteParameterCollection> bind, CustodyEntry custody, CancellationToken cancellationToken) =>
        WriteWithCustodyAsync(sql, bind, [custody], cancellationToken);

    /// <summary>Runs one statement and appends its custody entries in order, in one write transaction.</summary>
    internal Task WriteWithCustodyAsync(string sql, Action<SqliteParameterCollection> bind, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                bind(command.Parameters);
                await command.ExecuteNonQueryAsync(cancellationToken);
                foreach (var entry in custody)
                {
                    await SqliteCustodyWriter.AppendAsync(connection, transaction, entry, cancellationToken);
                }

                return true;
            },
            cancellationToken);

    /// <summary>Runs <paramref name="body"/> in one write transaction and commits it when the body returns.</summary>
    internal async Task<T> InWriteTransactionAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> body, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var transaction = BeginWrite(connection);
        var result = await body(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Inserts one row and appends the custody entry made from its new id, in one write transaction.</summary>
    internal Task<long> InsertWithCustodyAsync(string sql, Action<SqliteParameterCollection> bind, Func<long, CustodyEntry> custody, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql + "; SELECT last_insert_rowid();";
                bind(command.Parameters);
                var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                await SqliteCustodyWriter.AppendAsync(connection, transaction, custody(id), cancellationToken);
                return id;
            },
            cancellationToken);

    /// <summary>Runs one statement inside the caller's transaction; returns its first value as a number (0 when none).</summary>
    internal static async Task<long> ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command.Parameters);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Runs one query and maps every row.</summary>
    internal async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        var rows = new List<T>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
