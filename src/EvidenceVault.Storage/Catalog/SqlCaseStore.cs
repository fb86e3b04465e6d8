using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Cases, activities, reviews and decisions in the catalog database (SQLite or PostgreSQL); every change carries its custody entry in the same transaction.</summary>
public sealed partial class SqlCaseStore(CatalogDatabase database) : ICaseStore
{
    public async Task CreateAsync(EnforcementCase enforcementCase, CustodyEntry custody, CancellationToken cancellationToken)
    {
        var c = enforcementCase;
        try
        {
            await WriteAsync(
                "INSERT INTO cases (number, type, party, title, officers, status, created_at) VALUES (@n, @type, @party, @title, @officers, 'open', @at)",
                p =>
                {
                    p.AddWithValue("@n", c.Number.Value);
                    p.AddWithValue("@type", c.Type.ToString());
                    p.AddWithValue("@party", c.Party);
                    p.AddWithValue("@title", (object?)c.Title ?? DBNull.Value);
                    p.AddWithValue("@officers", Officers(c.Officers));
                    p.AddWithValue("@at", RecordingRows.Time(c.CreatedAt));
                },
                custody,
                cancellationToken);
        }
        catch (DbException ex) when (database.IsConstraintViolation(ex))
        {
            throw new CaseConflictException($"Case {c.Number} already exists.");
        }
    }

    public async Task<EnforcementCase?> FindAsync(CaseNumber number, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT number, type, party, title, officers, status, created_at, closed_at FROM cases WHERE number = @n", p => p.AddWithValue("@n", number.Value), ReadCase, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<EnforcementCase>> ListAsync(CaseStatus? status, int? limit, CancellationToken cancellationToken) =>
        QueryAsync(
            // LIMIT only when asked for: SQLite and PostgreSQL disagree on what a NULL limit means.
            "SELECT number, type, party, title, officers, status, created_at, closed_at FROM cases WHERE status = @status OR @status IS NULL ORDER BY created_at DESC"
                + (limit is null ? string.Empty : " LIMIT @limit"),
            p =>
            {
                p.AddWithValue("@status", status is { } s ? s.ToString().ToLowerInvariant() : DBNull.Value);
                if (limit is { } l)
                {
                    p.AddWithValue("@limit", l);
                }
            },
            ReadCase,
            cancellationToken);

    public Task CloseAsync(CaseNumber number, DateTimeOffset at, CustodyEntry custody, CancellationToken cancellationToken) =>
        WriteAsync(
            "UPDATE cases SET status = 'closed', closed_at = @at WHERE number = @n",
            p =>
            {
                p.AddWithValue("@n", number.Value);
                p.AddWithValue("@at", RecordingRows.Time(at));
            },
            custody,
            cancellationToken);

    public Task ReopenAsync(CaseNumber number, CustodyEntry custody, CancellationToken cancellationToken) =>
        WriteAsync("UPDATE cases SET status = 'open', closed_at = NULL WHERE number = @n", p => p.AddWithValue("@n", number.Value), custody, cancellationToken);

    public Task<CaseActivity> AddActivityAsync(CaseActivity activity, Func<CaseActivity, CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO activities (case_number, stage, activity_type, officers, place, start_at, end_at, start_utc, end_utc)
                    VALUES (@n, @stage, @type, @officers, @place, @start, @end, @start_utc, @end_utc) RETURNING id
                    """;
                BindActivity(insert.Parameters, activity);
                var stored = activity with { Id = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) };

                // The entry is built only now so that it names the row's id, and it commits with the row.
                await SqlCustodyWriter.AppendAsync(connection, transaction, custody(stored), cancellationToken);
                return stored;
            },
            cancellationToken);

    public Task UpdateActivityAsync(CaseActivity activity, CustodyEntry custody, CancellationToken cancellationToken) =>
        WriteAsync(
            """
            UPDATE activities SET stage = @stage, activity_type = @type, officers = @officers, place = @place,
                start_at = @start, end_at = @end, start_utc = @start_utc, end_utc = @end_utc
            WHERE id = @id AND case_number = @n
            """,
            p =>
            {
                BindActivity(p, activity);
                p.AddWithValue("@id", activity.Id);
            },
            custody,
            cancellationToken);

    public Task<IReadOnlyList<CaseActivity>> ActivitiesAsync(CaseNumber number, CancellationToken cancellationToken) =>
        QueryAsync(ActivitySelect + " WHERE case_number = @n ORDER BY stage, start_utc", p => p.AddWithValue("@n", number.Value), ReadActivity, cancellationToken);

    public Task<IReadOnlyList<CaseActivity>> ActivitiesOverlappingAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        QueryAsync(
            ActivitySelect + " WHERE end_utc >= @from AND start_utc <= @to AND case_number IN (SELECT number FROM cases WHERE status = 'open') ORDER BY start_utc",
            p =>
            {
                p.AddWithValue("@from", RecordingRows.UtcKey(from));
                p.AddWithValue("@to", RecordingRows.UtcKey(to));
            },
            ReadActivity,
            cancellationToken);

    private static void BindActivity(DbParameterCollection p, CaseActivity a)
    {
        p.AddWithValue("@n", a.Case.Value);
        p.AddWithValue("@stage", (int)a.Stage);
        p.AddWithValue("@type", a.ActivityType);
        p.AddWithValue("@officers", Officers(a.Officers));
        p.AddWithValue("@place", (object?)a.Place ?? DBNull.Value);
        p.AddWithValue("@start", RecordingRows.Time(a.Start));
        p.AddWithValue("@end", RecordingRows.Time(a.End));
        p.AddWithValue("@start_utc", RecordingRows.UtcKey(a.Start));
        p.AddWithValue("@end_utc", RecordingRows.UtcKey(a.End));
    }

    private const string ActivitySelect = "SELECT id, case_number, stage, activity_type, officers, place, start_at, end_at FROM activities";

    private static string Officers(IEnumerable<OfficerId> officers) => JsonSerializer.Serialize(officers.Select(o => o.Value));

    private static IReadOnlyList<OfficerId> ReadOfficers(string json) => [.. (JsonSerializer.Deserialize<string[]>(json) ?? []).Select(OfficerId.Parse)];

    private static DateTimeOffset When(DbDataReader r, int i) => DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static EnforcementCase ReadCase(DbDataReader r) => new(
        CaseNumber.Parse(r.GetString(0)),
        Enum.Parse<EnforcementType>(r.GetString(1)),
        r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3),
        ReadOfficers(r.GetString(4)),
        Enum.Parse<CaseStatus>(r.GetString(5), ignoreCase: true),
        When(r, 6),
        r.IsDBNull(7) ? null : When(r, 7));

    private static CaseActivity ReadActivity(DbDataReader r) => new(
        r.GetInt64(0),
        CaseNumber.Parse(r.GetString(1)),
        (ProcedureStage)r.GetInt32(2),
        r.GetString(3),
        ReadOfficers(r.GetString(4)),
        r.IsDBNull(5) ? null : r.GetString(5),
        When(r, 6),
        When(r, 7));

    private Task WriteAsync(string sql, Action<DbParameterCollection> bind, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(sql, bind, custody, cancellationToken);

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbParameterCollection> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        database.QueryAsync(sql, bind, read, cancellationToken);
}
