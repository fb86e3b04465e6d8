using System.Data.Common;
using System.Text.RegularExpressions;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Storage.Catalog;

/// <summary>
/// The catalog's database: SQLite (one machine, the embedded default) or PostgreSQL (several machines). Every store
/// speaks the SQL both understand through this class; what differs (connecting, schema upgrades, write serialisation,
/// job claiming) is the subclass's.
/// </summary>
public abstract partial class CatalogDatabase
{
    private readonly Lock _gate = new();
    private Task? _migration;

    private volatile bool _hasWritten;

    /// <summary>True once this instance has committed a transaction: what tells a command it may have appended custody entries.</summary>
    internal bool HasWritten => _hasWritten;

    /// <summary>What the catalog is, for people: a file path or a URL without its password.</summary>
    public abstract string Location { get; }

    /// <summary>The lock clause that lets concurrent job claimers pass over rows another claimer holds.</summary>
    internal abstract string SkipLocked { get; }

    /// <summary>A <c>postgres://</c> or <c>postgresql://</c> URL opens PostgreSQL; anything else is a SQLite file path.</summary>
    public static CatalogDatabase Open(string catalog) =>
        PostgresCatalogUrl.IsUrl(catalog) ? new PostgresCatalogDatabase(catalog) : new SqliteCatalogDatabase(catalog);

    internal async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateOnceAsync().WaitAsync(cancellationToken);
        return await ConnectOrExplainAsync(cancellationToken);
    }

    /// <summary>Whether a statement broke a constraint (unique, foreign key, check) rather than failing for another reason.</summary>
    internal abstract bool IsConstraintViolation(DbException error);

    /// <summary>
    /// Begins a transaction that holds the catalog's write lock until it ends, so read-then-write inside it cannot race
    /// another writer (custody sequence numbers, two-person rules, one open job per subject).
    /// </summary>
    internal abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Begins the transaction a job claim runs in; claims rely on <see cref="SkipLocked"/> where it exists.</summary>
    internal virtual Task<DbTransaction> BeginClaimAsync(DbConnection connection, CancellationToken cancellationToken) =>
        BeginWriteAsync(connection, cancellationToken);

    protected abstract Task<DbConnection> ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Brings the schema up to <see cref="CatalogSchema.Version"/>; refuses a catalog newer than this program.</summary>
    protected abstract Task MigrateAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Runs one statement and appends its custody entry, in one write transaction.</summary>
    internal Task WriteWithCustodyAsync(string sql, Action<DbParameterCollection> bind, CustodyEntry custody, CancellationToken cancellationToken) =>
        WriteWithCustodyAsync(sql, bind, [custody], cancellationToken);

    /// <summary>Runs one statement and appends its custody entries in order, in one write transaction.</summary>
    internal Task WriteWithCustodyAsync(string sql, Action<DbParameterCollection> bind, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) =>
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
                    await SqlCustodyWriter.AppendAsync(connection, transaction, entry, cancellationToken);
                }

                return true;
            },
            cancellationToken);

    /// <summary>Runs <paramref name="body"/> in one write transaction and commits it when the body returns.</summary>
    internal Task<T> InWriteTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> body, CancellationToken cancellationToken) =>
        InTransactionAsync(BeginWriteAsync, body, cancellationToken);

    /// <summary>Runs a job claim in the transaction <see cref="BeginClaimAsync"/> gives and commits it when the body returns.</summary>
    internal Task<T> InClaimTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> body, CancellationToken cancellationToken) =>
        InTransactionAsync(BeginClaimAsync, body, cancellationToken);

    /// <summary>Inserts one row and appends the custody entry made from its new id, in one write transaction.</summary>
    internal Task<long> InsertWithCustodyAsync(string sql, Action<DbParameterCollection> bind, Func<long, CustodyEntry> custody, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql + " RETURNING id";
                bind(command.Parameters);
                var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                await SqlCustodyWriter.AppendAsync(connection, transaction, custody(id), cancellationToken);
                return id;
            },
            cancellationToken);

    /// <summary>Runs one statement inside the caller's transaction; returns its first value as a number (0 when none).</summary>
    internal static async Task<long> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, Action<DbParameterCollection> bind, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command.Parameters);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>
    /// The next number of a table whose ids people read (R-12, D-3, RD-4): one past the highest, taken inside the write
    /// transaction that inserts it, so two writers never get the same one.
    /// </summary>
    internal static Task<long> NextNumberAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}", _ => { }, cancellationToken);

    /// <summary>
    /// Runs one query and maps every row. A row whose values do not parse is named (its table, and its first column as the
    /// key) in an <see cref="UnreadableRowException"/>, never a bare parse error.
    /// </summary>
    internal async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbParameterCollection> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command.Parameters);
        var rows = new List<T>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            try
            {
                rows.Add(read(reader));
            }
            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException or System.Text.Json.JsonException)
            {
                throw new UnreadableRowException(FromTable().Match(sql) is { Success: true } m ? m.Groups[1].Value : "catalog", Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "?", e);
            }
        }

        return rows;
    }

    [GeneratedRegex(@"\bFROM\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex FromTable();

    private async Task<T> InTransactionAsync<T>(
        Func<DbConnection, CancellationToken, Task<DbTransaction>> begin, Func<DbConnection, DbTransaction, Task<T>> body, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await begin(connection, cancellationToken);
        var result = await body(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        _hasWritten = true;
        return result;
    }

    /// <summary>Connects, naming the catalog and the reason when it cannot be reached (the provider's error says neither well).</summary>
    private async Task<DbConnection> ConnectOrExplainAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or System.Net.Sockets.SocketException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new CatalogUnavailableException($"The catalog {Location} cannot be reached: {e.Message}", e);
        }
    }

    /// <summary>The first caller upgrades the schema, the others wait for it; a failed upgrade is tried again next time.</summary>
    private Task MigrateOnceAsync()
    {
        lock (_gate)
        {
            return _migration ??= RunAsync();
        }

        async Task RunAsync()
        {
            // Leave the lock first, so that a failure clears the slot after it is set.
            await Task.Yield();
            try
            {
                // Not the first caller's token: its cancellation must not fail everyone else's wait.
                await using var connection = await ConnectOrExplainAsync(CancellationToken.None);
                await MigrateAsync(connection, CancellationToken.None);
            }
            catch
            {
                lock (_gate)
                {
                    _migration = null;
                }

                throw;
            }
        }
    }
}
