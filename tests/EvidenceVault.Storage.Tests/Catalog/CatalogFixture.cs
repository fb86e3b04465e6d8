using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Catalog;
using EvidenceVault.Testing.Catalog;
using Microsoft.Data.Sqlite;

namespace EvidenceVault.Storage.Tests.Catalog;

public enum CatalogEngine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh catalog per test, with helpers to make recordings. Every catalog test class runs on both engines: a
/// sealed Sqlite… and Postgres… subclass each (see CatalogEngines.cs).
/// </summary>
public abstract class CatalogTestBase : IDisposable
{
    protected static readonly DateTimeOffset Now = new(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly string _dir = Directory.CreateTempSubdirectory("ev-catalog-").FullName;
    private readonly TestPostgres? _postgres;

    protected CatalogTestBase(CatalogEngine engine)
    {
        Engine = engine;
        _postgres = engine == CatalogEngine.Postgres ? new TestPostgres() : null;
        Database = CatalogDatabase.Open(_postgres?.Url ?? Path.Combine(_dir, "catalog.db"));
        Catalog = new SqlCatalog(Database);
        Custody = new SqlCustodyLog(Database);
    }

    protected CatalogEngine Engine { get; }

    protected CatalogDatabase Database { get; }

    /// <summary>The catalog URL when running on PostgreSQL, for connections made behind the stores' back.</summary>
    protected string? PostgresUrl => _postgres?.Url;

    protected SqlCatalog Catalog { get; }

    protected SqlCustodyLog Custody { get; }

    public void Dispose()
    {
        (Database as IDisposable)?.Dispose();
        _postgres?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs SQL behind the stores' back, as someone with database access could.</summary>
    protected async Task ExecuteRawAsync(string sql)
    {
        if (_postgres is not null)
        {
            _postgres.Execute(sql);
            return;
        }

        await using var connection = new SqliteConnection($"Data Source={((SqliteCatalogDatabase)Database).Path};Pooling=false");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, as text, read behind the stores' back.</summary>
    protected async Task<IReadOnlyList<string>> QueryRawAsync(string sql)
    {
        if (_postgres is not null)
        {
            return [.. _postgres.Query(sql).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)];
        }

        await using var connection = new SqliteConnection($"Data Source={((SqliteCatalogDatabase)Database).Path};Pooling=false");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0).ToString() ?? string.Empty);
        }

        return values;
    }

    /// <summary>The statement that drops a trigger, which PostgreSQL names per table.</summary>
    protected string DropTrigger(string trigger, string table) =>
        Engine == CatalogEngine.Postgres ? $"DROP TRIGGER {trigger} ON {table}" : $"DROP TRIGGER {trigger}";

    protected static RecordingEntry Recording(int seed, string officer = "010203", DateTimeOffset? recordedAt = null)
    {
        var digest = Sha256Digest.FromBytes(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(seed)));
        return new RecordingEntry
        {
            Id = RecordingId.For(digest),
            Sha256 = digest,
            SizeBytes = 1000 + seed,
            Kind = RecordingKind.Video,
            Format = "mp4",
            Officer = OfficerId.Parse(officer),
            Device = DeviceId.Parse("A123456"),
            RecordedAt = recordedAt ?? Now.AddMinutes(seed),
            RecordedAtSource = "name:gat947",
            Mark = 3,
            SourcePath = $"DCIM/{seed}.MP4",
            IngestedAt = Now,
            StationClock = Now,
            Status = IngestStatus.Stored,
            Reasons = [new Reason("unsafe-name", "名字")],
            MediaState = MediaState.Pending,
        };
    }

    /// <summary>Ingests one sighting as a plain ingest would; true when it made the recording.</summary>
    protected async Task<bool> IngestAsync(RecordingEntry recording, string sourceKey = "key", bool queue = true) =>
        (await IngestSeeingAsync(recording, sourceKey, queue)).Existing is null;

    /// <summary>Ingests one sighting and returns what the catalog found for its bytes inside the write transaction.</summary>
    protected async Task<IngestFound> IngestSeeingAsync(RecordingEntry recording, string sourceKey = "key", bool queue = true)
    {
        IngestFound? seen = null;
        await Catalog.RecordIngestAsync(
            recording,
            found =>
            {
                seen = found;
                var isNew = found.Existing is null;
                return new IngestWrite(
                    found.Existing ?? recording,
                    new Sighting(recording.Id, sourceKey, recording.SourcePath, isNew ? "stored" : "duplicate", Now) { Basis = AttributionBasis.Name },
                    [new CustodyEntry(Now, "tester", isNew ? CustodyActions.Ingested : CustodyActions.SightedAgain, recording.Id.Value, "{}")],
                    isNew && queue ? JobKind.Media : null,
                    false);
            },
            CancellationToken.None);
        return seen!;
    }
}
