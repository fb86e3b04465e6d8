using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

/// <summary>A fresh catalog file per test, with helpers to make recordings.</summary>
public abstract class CatalogTestBase : IDisposable
{
    protected static readonly DateTimeOffset Now = new(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly string _dir = Directory.CreateTempSubdirectory("ev-catalog-").FullName;

    protected CatalogTestBase()
    {
        Database = new SqliteDatabase(Path.Combine(_dir, "catalog.db"));
        Catalog = new SqliteCatalog(Database);
        Custody = new SqliteCustodyLog(Database);
    }

    protected SqliteDatabase Database { get; }

    protected SqliteCatalog Catalog { get; }

    protected SqliteCustodyLog Custody { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

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

    protected Task<bool> IngestAsync(RecordingEntry recording, string sourceKey = "key", bool queue = true) =>
        Catalog.RecordIngestAsync(
            recording,
            new Sighting(recording.Id, sourceKey, recording.SourcePath, "stored", Now),
            queue,
            new CustodyEntry(Now, "tester", CustodyActions.Ingested, recording.Id.Value, "{}"),
            CancellationToken.None);
}
