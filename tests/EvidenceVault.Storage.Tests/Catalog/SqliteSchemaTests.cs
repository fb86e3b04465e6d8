using EvidenceVault.Application.Jobs;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

/// <summary>Upgrades of catalogs written by earlier versions, which only ever existed as SQLite files.</summary>
public sealed class SqliteSchemaTests() : CatalogTestBase(CatalogEngine.Sqlite)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);
    private const string Me = "host:1:1:me";

    [Fact]
    public async Task Migration_CatalogWithMediaJobs_RowsMovedIntoJobs()
    {
        var path = Path.Combine(Path.GetDirectoryName(((SqliteCatalogDatabase)Database).Path)!, "v8.db");
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await old.OpenAsync();
            using var command = old.CreateCommand();
            command.CommandText = """
                CREATE TABLE media_jobs (id INTEGER PRIMARY KEY, recording_id TEXT NOT NULL UNIQUE, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                    next_run_at TEXT NOT NULL, lease_until TEXT, lease_owner TEXT, last_error TEXT);
                INSERT INTO media_jobs VALUES (7, 'rec-dead', 'dead', 5, '2025-03-01T02:00:00.0000000Z', NULL, NULL, 'ffmpeg crashed');
                INSERT INTO media_jobs VALUES (8, 'rec-pending', 'pending', 1, '2025-03-01T02:00:00.0000000Z', NULL, NULL, NULL);
                CREATE TABLE sightings (id INTEGER PRIMARY KEY, recording_id TEXT NOT NULL, source_key TEXT NOT NULL, source_path TEXT NOT NULL,
                    status TEXT NOT NULL, seen_at TEXT NOT NULL);
                CREATE TABLE recordings (id TEXT PRIMARY KEY);
                CREATE TABLE retrieval_requests (id INTEGER PRIMARY KEY);
                PRAGMA user_version = 8;
                """;
            await command.ExecuteNonQueryAsync();
        }

        var queue = new SqlJobQueue(new SqliteCatalogDatabase(path));
        var jobs = await queue.ListAsync(null, 10, CancellationToken.None);

        Assert.Equal([(8L, JobKind.Media, "rec-pending", JobState.Pending, 1, (string?)null), (7L, JobKind.Media, "rec-dead", JobState.Dead, 5, "ffmpeg crashed")], jobs.Select(j => (j.Id, j.Kind, j.Subject, j.State, j.Attempts, j.LastError)));
        Assert.Equal("rec-pending", (await queue.ClaimAsync(Me, null, Now, Lease, CancellationToken.None))?.Subject);
    }
}
