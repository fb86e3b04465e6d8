using System.Data.Common;
using System.Globalization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Marks, categories and legal holds in the catalog database (deletion proposals live in the other part).</summary>
public sealed partial class SqlRetentionStore(CatalogDatabase database) : IRetentionStore
{
    public Task SetMarkAsync(MarkRecord mark, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(
            """
            INSERT INTO recording_marks (recording_id, mark, case_number, reason, actor, at) VALUES (@r, @m, @c, @reason, @actor, @at)
            ON CONFLICT (recording_id, mark) DO UPDATE SET case_number = @c, reason = @reason, actor = @actor, at = @at
            """,
            p =>
            {
                p.AddWithValue("@r", mark.Recording.Value);
                p.AddWithValue("@m", RecordingMarks.Name(mark.Mark));
                p.AddWithValue("@c", (object?)mark.Case?.Value ?? DBNull.Value);
                p.AddWithValue("@reason", mark.Reason);
                p.AddWithValue("@actor", mark.Actor);
                p.AddWithValue("@at", RecordingRows.Time(mark.At));
            },
            custody,
            cancellationToken);

    public async Task<bool> ClearMarkAsync(RecordingId recording, RecordingMark mark, CustodyEntry custody, CancellationToken cancellationToken)
    {
        if ((await MarksAsync(recording, cancellationToken)).All(m => m.Mark != mark))
        {
            return false;
        }

        await database.WriteWithCustodyAsync(
            "DELETE FROM recording_marks WHERE recording_id = @r AND mark = @m",
            p =>
            {
                p.AddWithValue("@r", recording.Value);
                p.AddWithValue("@m", RecordingMarks.Name(mark));
            },
            custody,
            cancellationToken);
        return true;
    }

    public Task<IReadOnlyList<MarkRecord>> MarksAsync(RecordingId? recording, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT recording_id, mark, case_number, reason, actor, at FROM recording_marks WHERE recording_id = @r OR @r IS NULL ORDER BY recording_id, mark",
            p => p.AddWithValue("@r", (object?)recording?.Value ?? DBNull.Value),
            r => new MarkRecord(
                RecordingId.Parse(r.GetString(0)), RecordingMarks.Parse(r.GetString(1)), r.IsDBNull(2) ? null : CaseNumber.Parse(r.GetString(2)),
                r.GetString(3), r.GetString(4), When(r.GetString(5))),
            cancellationToken);

    public Task SetCategoryAsync(RecordingId recording, string? category, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(
            category is null
                ? "DELETE FROM recording_categories WHERE recording_id = @r"
                : "INSERT INTO recording_categories (recording_id, category) VALUES (@r, @c) ON CONFLICT (recording_id) DO UPDATE SET category = @c",
            p =>
            {
                p.AddWithValue("@r", recording.Value);
                p.AddWithValue("@c", (object?)category ?? DBNull.Value);
            },
            custody,
            cancellationToken);

    public async Task<IReadOnlyDictionary<RecordingId, string>> CategoriesAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT recording_id, category FROM recording_categories", _ => { }, r => (Id: RecordingId.Parse(r.GetString(0)), Category: r.GetString(1)), cancellationToken))
            .ToDictionary(r => r.Id, r => r.Category);

    public async Task<LegalHold> PlaceHoldAsync(LegalHold hold, Func<LegalHold, CustodyEntry> custody, CancellationToken cancellationToken)
    {
        var id = await database.InsertWithCustodyAsync(
            "INSERT INTO legal_holds (scope, target, reason, authority, placed_by, placed_at) VALUES (@scope, @target, @reason, @authority, @by, @at)",
            p =>
            {
                p.AddWithValue("@scope", hold.Scope.ToString().ToLowerInvariant());
                p.AddWithValue("@target", hold.Target);
                p.AddWithValue("@reason", hold.Reason);
                p.AddWithValue("@authority", hold.Authority);
                p.AddWithValue("@by", hold.PlacedBy);
                p.AddWithValue("@at", RecordingRows.Time(hold.PlacedAt));
            },
            newId => custody(hold with { Id = newId }),
            cancellationToken);
        return hold with { Id = id };
    }

    public Task ReleaseHoldAsync(long id, string releasedBy, string reason, DateTimeOffset at, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(
            "UPDATE legal_holds SET released_at = @at, released_by = @by, release_reason = @reason WHERE id = @id AND released_at IS NULL",
            p =>
            {
                p.AddWithValue("@id", id);
                p.AddWithValue("@by", releasedBy);
                p.AddWithValue("@reason", reason);
                p.AddWithValue("@at", RecordingRows.Time(at));
            },
            custody,
            cancellationToken);

    public Task<IReadOnlyList<LegalHold>> HoldsAsync(bool activeOnly, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT id, scope, target, reason, authority, placed_by, placed_at, released_at, released_by, release_reason FROM legal_holds WHERE @all = 1 OR released_at IS NULL ORDER BY id",
            p => p.AddWithValue("@all", activeOnly ? 0 : 1),
            r => new LegalHold(
                r.GetInt64(0), Enum.Parse<HoldScope>(r.GetString(1), ignoreCase: true), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                When(r.GetString(6)), r.IsDBNull(7) ? null : When(r.GetString(7)), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9)),
            cancellationToken);

    private static DateTimeOffset When(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static object Nullable(DateTimeOffset? value) => value is { } v ? RecordingRows.Time(v) : DBNull.Value;

    private static void Bind(DbParameterCollection p, long id, DeletionStatus status)
    {
        p.AddWithValue("@id", id);
        p.AddWithValue("@status", status.ToString().ToLowerInvariant());
    }
}
