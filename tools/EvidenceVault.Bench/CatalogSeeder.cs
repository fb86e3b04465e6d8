using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace EvidenceVault.Bench;

/// <summary>
/// Fills the <c>recordings</c> table of a catalog the CLI has created with synthetic rows, in one transaction through
/// one prepared statement. Raw SQL on purpose: the bench must not depend on the storage code it measures.
/// Row <c>i</c> is recorded at <see cref="SeedPlan.RecordedAt"/>(i) by officer <see cref="SeedPlan.Officer"/>(i).
/// </summary>
internal static class CatalogSeeder
{
    private const string Insert = """
        INSERT INTO recordings (
            id, sha256, size_bytes, kind, format, device_id, officer_id, recorded_at, recorded_at_utc, recorded_at_source,
            source_path, ingested_at, station_clock, status, reasons, media_state, duration_seconds, video_codec,
            audio_codec, width, height, has_proxy, has_thumbnail)
        VALUES (
            $id, $sha256, $size, 'video', 'mp4', $device, $officer, $recorded_at, $recorded_at_utc, 'file-name',
            $source_path, $ingested_at, $ingested_at, 'stored', '[]', 'done', 60.0, 'h264', 'aac', 1920, 1080, 1, 1)
        """;

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static int Run(Options options)
    {
        var (catalog, from, count) = (options.Text("catalog"), options.Long("from"), options.Long("rows"));
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = catalog, Mode = SqliteOpenMode.ReadWrite }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;");

        using (var transaction = connection.BeginTransaction())
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = Insert;
            var names = new[] { "$id", "$sha256", "$size", "$device", "$officer", "$recorded_at", "$recorded_at_utc", "$source_path", "$ingested_at" };
            var p = names.Select(n => command.Parameters.Add(n, n == "$size" ? SqliteType.Integer : SqliteType.Text)).ToArray();
            command.Prepare();
            for (var i = from; i < from + count; i++)
            {
                var sha256 = Sha256(i);
                var recorded = SeedPlan.RecordedAt(i);
                p[0].Value = RecordingId(i);
                p[1].Value = sha256;
                p[2].Value = 100_000_000 + i;
                p[3].Value = $"D{i % SeedPlan.Devices:D6}";
                p[4].Value = SeedPlan.Officer(i);
                p[5].Value = recorded.ToOffset(Beijing).ToString("O", CultureInfo.InvariantCulture);
                p[6].Value = SeedPlan.UtcKey(recorded);
                p[7].Value = $"/media/recorder/DCIM/{i:D8}.MP4";
                p[8].Value = recorded.AddHours(12).ToOffset(Beijing).ToString("O", CultureInfo.InvariantCulture);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        Console.Error.WriteLine($"seeded {count} rows from {from} in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>Row <paramref name="row"/>'s id: the first 20 hex digits of its SHA-256, as the CLI names recordings.</summary>
    public static string RecordingId(long row) => Sha256(row)[..20];

    private static string Sha256(long row) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes($"evidencevault-bench-row-{row}")));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>How seeded rows spread over officers and time, shared by the seeder and the queries that read them back.</summary>
internal static class SeedPlan
{
    public const int Officers = 500;
    public const int Devices = 1000;

    /// <summary>One recording a minute across all officers: a million rows span about two years.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(63);

    // 2025: the built-in holiday calendars cover 2025 and 2026, and case pages compute the seeded decisions' deadlines.
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Officer(long row) => (100_000 + (row % Officers)).ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset RecordedAt(long row) => Start + (Step * row);

    /// <summary>The catalog's fixed-width UTC key: string order is time order.</summary>
    public static string UtcKey(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
