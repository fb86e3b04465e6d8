using System.Diagnostics;
using System.Globalization;
using EvidenceVault.Domain.Custody;
using Microsoft.Data.Sqlite;

namespace EvidenceVault.Bench;

/// <summary>
/// The ledger bench's two tools, on a catalog the CLI has created. <c>custody</c> appends correctly chained entries
/// (views of seeded recordings, the bulk of a long-lived log) through raw SQL; <c>chain</c> is the baseline: read every
/// entry and recompute its chain hash, the least any verification of the log must do. Only the chain's canonical form
/// (the domain's <see cref="CustodyChain"/>) is shared with the program measured, never its storage code.
/// </summary>
internal static class CustodySeeder
{
    private static readonly string[] ParameterNames = ["$seq", "$at", "$subject", "$details", "$prev", "$hash"];

    private const string Insert = "INSERT INTO custody (seq, at, actor, action, subject, details, prev_hash, hash) VALUES ($seq, $at, 'bench', 'recording.viewed', $subject, $details, $prev, $hash)";

    public static int Append(Options options)
    {
        var (catalog, count) = (options.Text("catalog"), options.Long("entries"));
        var clock = Stopwatch.StartNew();
        using var connection = Open(catalog);
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;");
        var (sequence, previous) = Last(connection);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using (var transaction = connection.BeginTransaction())
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = Insert;
            var p = ParameterNames.Select(n => command.Parameters.Add(n, n == "$seq" ? SqliteType.Integer : SqliteType.Text)).ToArray();
            command.Prepare();
            for (var i = 0L; i < count; i++)
            {
                sequence++;
                var at = start.AddSeconds(i);
                var subject = $"bench{i % 100_000:D15}";
                var details = $$"""{"via":"bench","reason":"review {{i}}"}""";
                var hash = CustodyChain.Hash(sequence, at, "bench", "recording.viewed", subject, details, previous);
                (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value, p[5].Value) =
                    (sequence, at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture), subject, details, previous, hash);
                command.ExecuteNonQuery();
                previous = hash;
            }

            transaction.Commit();
        }

        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        Console.Error.WriteLine($"appended {count} custody entries in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>Reads every entry and recomputes its hash; prints how many agree with the stored one.</summary>
    public static int Chain(Options options)
    {
        using var connection = Open(options.Text("catalog"));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM custody ORDER BY seq";
        using var reader = command.ExecuteReader();
        var matching = 0L;
        while (reader.Read())
        {
            var at = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            matching += CustodyChain.Hash(reader.GetInt64(0), at, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)) == reader.GetString(7) ? 1 : 0;
        }

        Console.WriteLine(matching.ToString(CultureInfo.InvariantCulture));
        return 0;
    }

    private static SqliteConnection Open(string catalog)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = catalog, Mode = SqliteOpenMode.ReadWrite }.ToString());
        connection.Open();
        return connection;
    }

    private static (long Sequence, string Hash) Last(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, hash FROM custody ORDER BY seq DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, CustodyChain.Genesis);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
