using EvidenceVault.Application.Jobs;
using EvidenceVault.Storage.Catalog;
using EvidenceVault.Testing.Catalog;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EvidenceVault.Storage.Tests.Catalog;

/// <summary>What only PostgreSQL has to prove: the rendered schema matches the model, concurrent upgrades, SKIP LOCKED.</summary>
public sealed class PostgresCatalogDatabaseTests() : CatalogTestBase(CatalogEngine.Postgres)
{
    [Fact]
    public async Task Schema_BothEngines_SameTablesAndColumns()
    {
        await Catalog.FindAsync(Recording(1).Id, CancellationToken.None);
        using var postgres = new TestPostgres();
        await new SqlCatalog(CatalogDatabase.Open(postgres.Url)).FindAsync(Recording(1).Id, CancellationToken.None);
        var sqlitePath = Path.Combine(Directory.CreateTempSubdirectory("ev-parity-").FullName, "catalog.db");
        await new SqlCatalog(CatalogDatabase.Open(sqlitePath)).FindAsync(Recording(1).Id, CancellationToken.None);

        var onPostgres = postgres.Query(
            $"SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = '{postgres.Schema}' AND table_name <> 'schema_version' ORDER BY 1");
        var onSqlite = new List<string>();
        await using (var connection = new SqliteConnection($"Data Source={sqlitePath};Pooling=false"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY 1";
            using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                onSqlite.Add(reader.GetString(0));
            }
        }

        Assert.Contains("custody.prev_hash", onSqlite);
        Assert.Equal(onSqlite.Order(StringComparer.Ordinal), onPostgres.Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Open_SeveralProcessesUpgradingAtOnce_SchemaAppliedOnce()
    {
        using var postgres = new TestPostgres();
        var starts = Enumerable.Range(0, 4).Select(_ => Task.Run(() => new SqlJobQueue(CatalogDatabase.Open(postgres.Url)).CountOpenAsync(JobKind.Media, CancellationToken.None)));

        Assert.All(await Task.WhenAll(starts), count => Assert.Equal(0, count));
        Assert.Equal([(object)1L], postgres.Query("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(2L, postgres.Query("SELECT COUNT(*) FROM job_schedules").Single());
    }

    [Fact]
    public async Task ClaimAsync_RowLockedByAnotherTransaction_SkipsItWithoutWaiting()
    {
        var queue = new SqlJobQueue(Database);
        await queue.EnqueueAsync(JobKind.Link, "first", Now, CancellationToken.None);
        await queue.EnqueueAsync(JobKind.Link, "second", Now.AddSeconds(1), CancellationToken.None);
        // Another claimer in the middle of its transaction holds the oldest job's row.
        await using var holder = new NpgsqlConnection(PostgresCatalogUrl.ConnectionString(PostgresUrl!));
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT id FROM jobs WHERE subject = 'first' FOR UPDATE", holder, transaction))
        {
            await lockRow.ExecuteScalarAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var claimed = await queue.ClaimAsync("host:1:1:me", null, Now.AddMinutes(1), TimeSpan.FromMinutes(30), patience.Token);

        Assert.Equal("second", claimed?.Subject);
    }
}
