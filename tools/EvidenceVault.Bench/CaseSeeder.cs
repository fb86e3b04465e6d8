using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EvidenceVault.Bench;

/// <summary>
/// Fills <c>cases</c>, <c>activities</c>, <c>recording_links</c> (and, for every fourth case, a legal review and a
/// published decision) of a catalog that <see cref="CatalogSeeder"/> has filled with recordings. Raw SQL in the
/// catalog's own text formats, for the same reason as the recordings: the bench must not depend on what it measures.
/// Case <c>i</c> belongs to officer <c>i % Officers</c> and is linked to that officer's recordings
/// <see cref="CasePlan.Rows"/>(i), in its investigation activity; the application reads the rows back as it wrote them.
/// </summary>
internal static class CaseSeeder
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly string[] Types = ["Penalty", "Inspection", "Coercion", "Licensing", "Penalty", "Other"];

    public static int Run(Options options)
    {
        var (catalog, cases, rows) = (options.Text("catalog"), options.Int("cases"), options.Long("rows"));
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = catalog, Mode = SqliteOpenMode.ReadWrite }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -1000000;");
        long links = 0;
        using (var transaction = connection.BeginTransaction())
        {
            var insertCase = Prepare(connection, transaction, "INSERT INTO cases (number, type, party, title, officers, status, created_at, closed_at) VALUES ($n, $type, $party, $title, $officers, $status, $created, $closed)");
            var insertActivity = Prepare(connection, transaction, """
                INSERT INTO activities (case_number, stage, activity_type, officers, place, start_at, end_at, start_utc, end_utc)
                VALUES ($n, $stage, $type, $officers, $place, $start, $end, $start_utc, $end_utc) RETURNING id
                """);
            var insertLink = Prepare(connection, transaction, """
                INSERT INTO recording_links (recording_id, case_number, activity_id, stage, origin, reason, document_type, linked_at)
                VALUES ($r, $n, $activity, 2, 'automatic', 'officer and time window', NULL, $at)
                """);
            var insertReview = Prepare(connection, transaction, "INSERT INTO legal_reviews (case_number, reviewer, opinion, review_date) VALUES ($n, 'bench-reviewer', '事实清楚，证据确凿', $date)");
            var insertDecision = Prepare(connection, transaction, "INSERT INTO decisions (case_number, decision_date, conclusion, is_major, revoked_on, published_on) VALUES ($n, $date, '罚款', 0, NULL, $published)");
            for (var i = 0; i < cases; i++)
            {
                var number = CasePlan.Number(i);
                var caseRows = CasePlan.Rows(i, cases, rows);
                var first = caseRows.Count > 0 ? SeedPlan.RecordedAt(caseRows[0]) : SeedPlan.RecordedAt(i);
                var last = caseRows.Count > 0 ? SeedPlan.RecordedAt(caseRows[^1]) + TimeSpan.FromMinutes(1) : first + TimeSpan.FromHours(1);
                var officers = $"[\"{SeedPlan.Officer(i)}\",\"{SeedPlan.Officer(i + 1)}\"]";
                var decided = i % 4 == 3;
                Run(insertCase, ("$n", number), ("$type", Types[i % Types.Length]), ("$party", $"某某商贸有限公司第{i}分公司"), ("$title", $"涉嫌违法经营案（{i}）"),
                    ("$officers", officers), ("$status", decided ? "closed" : "open"), ("$created", Time(first - TimeSpan.FromDays(1))),
                    ("$closed", decided ? Time(last + TimeSpan.FromDays(20)) : DBNull.Value));
                Activity(insertActivity, number, 1, "立案", officers, first - TimeSpan.FromDays(1), first - TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
                var investigation = Activity(insertActivity, number, 2, "现场检查", officers, first - TimeSpan.FromMinutes(5), last + TimeSpan.FromMinutes(5));
                foreach (var row in caseRows)
                {
                    Run(insertLink, ("$r", CatalogSeeder.RecordingId(row)), ("$n", number), ("$activity", investigation), ("$at", Time(SeedPlan.RecordedAt(row) + TimeSpan.FromHours(12))));
                    links++;
                }

                if (decided)
                {
                    var decisionDay = DateOnly.FromDateTime((last + TimeSpan.FromDays(10)).ToOffset(Beijing).DateTime);
                    Activity(insertActivity, number, 4, "作出处罚决定", officers, last + TimeSpan.FromDays(10), last + TimeSpan.FromDays(10) + TimeSpan.FromHours(1));
                    Run(insertReview, ("$n", number), ("$date", Day(decisionDay.AddDays(-2))));
                    // Published within the term, so listing the deadlines writes no overdue entry.
                    Run(insertDecision, ("$n", number), ("$date", Day(decisionDay)), ("$published", Day(decisionDay.AddDays(3))));
                }
            }

            transaction.Commit();
        }

        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        Console.Error.WriteLine($"seeded {cases} cases with {links} links in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static long Activity(SqliteCommand insert, string number, int stage, string type, string officers, DateTimeOffset start, DateTimeOffset end)
    {
        Bind(insert, ("$n", number), ("$stage", stage), ("$type", type), ("$officers", officers), ("$place", "某区某路1号"), ("$start", Time(start)),
            ("$end", Time(end)), ("$start_utc", SeedPlan.UtcKey(start)), ("$end_utc", SeedPlan.UtcKey(end)));
        return Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Run(SqliteCommand command, params (string Name, object Value)[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    private static string Time(DateTimeOffset value) => value.ToOffset(Beijing).ToString("O", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>Which seeded recordings each seeded case holds, shared by the seeder and the loads that ask for cases.</summary>
internal static class CasePlan
{
    public static string Number(long i) => $"市监罚〔2025〕{i + 1}号";

    /// <summary>
    /// Officer <c>i % Officers</c>'s recordings are rows <c>o, o + Officers, ...</c>; the officer's k-th case takes the
    /// k-th run of <c>rows / cases</c> of them, so every recording is in at most one case and links stay in time order.
    /// </summary>
    public static IReadOnlyList<long> Rows(long i, long cases, long rows)
    {
        var perCase = cases == 0 ? 0 : rows / cases;
        var (officer, k) = (i % SeedPlan.Officers, i / SeedPlan.Officers);
        var result = new List<long>();
        for (var j = 0L; j < perCase; j++)
        {
            var row = officer + (SeedPlan.Officers * ((k * perCase) + j));
            if (row < rows)
            {
                result.Add(row);
            }
        }

        return result;
    }
}
