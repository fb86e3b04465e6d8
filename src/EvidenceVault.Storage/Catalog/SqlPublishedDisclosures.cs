using System.Data.Common;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Storage.Catalog;

/// <summary>The public site's read of the published projection: the published_* tables and nothing else.</summary>
public sealed class SqlPublishedDisclosures(CatalogDatabase database) : IPublishedDisclosures
{
    private const string Columns =
        "id, document_number, agency, party, category, facts, legal_basis, conclusion, decision_date, published_at, display_until, withdrawal_kind, withdrawal_reason, withdrawn_at";

    // On display: published, not ended, and its period not over (the end shows at once, before any job records it).
    private const string OnDisplay = "ended_at IS NULL AND display_until > @now";

    public Task<IReadOnlyList<PublishedDecision>> SearchAsync(PublishedDecisionFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conditions = new List<string> { OnDisplay };
        var values = new List<(string Name, object Value)> { ("@now", RecordingRows.UtcKey(now)) };
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            values.Add((name, value));
        }

        if (filter.Agency is { Length: > 0 } agency)
        {
            Add(@"agency LIKE @agency ESCAPE '\'", "@agency", Contains(agency));
        }

        if (filter.DocumentNumber is { Length: > 0 } number)
        {
            Add(@"document_number LIKE @number ESCAPE '\'", "@number", Contains(number));
        }

        if (filter.Category is { } category)
        {
            Add("category = @category", "@category", category.ToString());
        }

        if (filter.From is { } from)
        {
            Add("decision_date >= @from", "@from", RecordingRows.Day(from));
        }

        if (filter.To is { } to)
        {
            Add("decision_date <= @to", "@to", RecordingRows.Day(to));
        }

        return database.QueryAsync(
            $"SELECT {Columns} FROM published_decisions WHERE {string.Join(" AND ", conditions)} ORDER BY published_at DESC, id DESC LIMIT @limit",
            p =>
            {
                foreach (var (name, value) in values)
                {
                    p.AddWithValue(name, value);
                }

                p.AddWithValue("@limit", Math.Clamp(filter.Limit, 1, 1000));
            },
            Read,
            cancellationToken);
    }

    public async Task<PublishedDecision?> FindAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            $"SELECT {Columns} FROM published_decisions WHERE id = @id AND {OnDisplay}",
            p =>
            {
                p.AddWithValue("@id", id);
                p.AddWithValue("@now", RecordingRows.UtcKey(now));
            },
            Read,
            cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<PublishedCheckpoint>> CheckpointsAsync(int limit, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT name, size, root_hash, cut_at, note FROM published_checkpoints ORDER BY name DESC LIMIT @limit",
            p => p.AddWithValue("@limit", Math.Clamp(limit, 1, 1000)),
            r => new PublishedCheckpoint(r.GetString(0), r.GetInt64(1), r.GetString(2), RecordingRows.ParseTime(r.GetString(3)), r.GetString(4)),
            cancellationToken);

    public async Task<PublishedPriorDisclosure?> PriorDisclosureAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            "SELECT version, data, published_at FROM published_prior_disclosure WHERE slot = 1",
            _ => { },
            r => new PublishedPriorDisclosure(r.GetInt64(0), PriorDisclosureJson.Read(r.GetString(1)), RecordingRows.ParseTime(r.GetString(2))),
            cancellationToken)).SingleOrDefault();

    private static PublishedDecision Read(DbDataReader r) =>
        new(
            r.GetInt64(0),
            new DecisionText(
                r.GetString(1),
                r.GetString(2),
                r.GetString(3),
                Enum.Parse<EnforcementType>(r.GetString(4)),
                r.GetString(5),
                r.GetString(6),
                r.GetString(7),
                RecordingRows.ParseDay(r.GetString(8))),
            RecordingRows.ParseTime(r.GetString(9)),
            RecordingRows.ParseTime(r.GetString(10)),
            r.IsDBNull(11) ? null : new PublishedWithdrawal(Enum.Parse<WithdrawalKind>(r.GetString(11)), r.GetString(12), RecordingRows.ParseTime(r.GetString(13))));

    private static string Contains(string text) =>
        "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
