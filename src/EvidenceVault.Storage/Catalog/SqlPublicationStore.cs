using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Publication drafts in the catalog database; publishing and withdrawal also write the projection (SqlPublicationStore.Projection.cs).</summary>
public sealed partial class SqlPublicationStore(CatalogDatabase database) : IPublicationStore
{
    // The Domain records as JSON, enums by name, so a row reads the same after an enum gains a member.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const string Columns = "id, case_number, original, party, masked, drafter, drafted_at, status, approver, published_at, display_until";

    public Task<long> CreateDraftAsync(PublicationDraft draft, Func<long, CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.InsertWithCustodyAsync(
            "INSERT INTO publication_drafts (case_number, original, party, masked, drafter, drafted_at, status) VALUES (@case, @original, @party, @masked, @drafter, @at, @status)",
            p =>
            {
                p.AddWithValue("@case", draft.Case.Value);
                p.AddWithValue("@original", JsonSerializer.Serialize(draft.Original, Json));
                p.AddWithValue("@party", JsonSerializer.Serialize(draft.Party, Json));
                p.AddWithValue("@masked", JsonSerializer.Serialize(draft.Masked, Json));
                p.AddWithValue("@drafter", draft.Drafter);
                p.AddWithValue("@at", RecordingRows.Time(draft.DraftedAt));
                p.AddWithValue("@status", Status(PublicationStatus.Draft));
            },
            custody,
            cancellationToken);

    public async Task<PublicationDraft?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await database.QueryAsync($"SELECT {Columns} FROM publication_drafts WHERE id = @id", p => p.AddWithValue("@id", id), Read, cancellationToken)).SingleOrDefault() is { } draft
            ? await WithWithdrawalAsync(draft, cancellationToken)
            : null;

    public Task<IReadOnlyList<PublicationDraft>> ListAsync(PublicationStatus? status, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT {Columns} FROM publication_drafts WHERE status = @status OR @status IS NULL ORDER BY id DESC",
            p => p.AddWithValue("@status", status is { } s ? Status(s) : DBNull.Value),
            Read,
            cancellationToken);

    public Task ReviseAsync(long id, DisclosureParty party, DecisionText masked, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(
            "UPDATE publication_drafts SET party = @party, masked = @masked WHERE id = @id AND status = @draft",
            p =>
            {
                p.AddWithValue("@id", id);
                p.AddWithValue("@party", JsonSerializer.Serialize(party, Json));
                p.AddWithValue("@masked", JsonSerializer.Serialize(masked, Json));
                p.AddWithValue("@draft", Status(PublicationStatus.Draft));
            },
            custody,
            cancellationToken);

    public Task<IReadOnlyList<PublicationDraft>> DisplayEndedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT {Columns} FROM publication_drafts WHERE status IN (@published, @withdrawn) AND display_until <= @now ORDER BY id",
            p =>
            {
                p.AddWithValue("@published", Status(PublicationStatus.Published));
                p.AddWithValue("@withdrawn", Status(PublicationStatus.Withdrawn));
                p.AddWithValue("@now", RecordingRows.UtcKey(now));
            },
            Read,
            cancellationToken);

    private static PublicationDraft Read(DbDataReader r) =>
        new(
            r.GetInt64(0),
            CaseNumber.Parse(r.GetString(1)),
            Deserialize<DecisionText>(r.GetString(2)),
            Deserialize<DisclosureParty>(r.GetString(3)),
            Deserialize<DecisionText>(r.GetString(4)),
            r.GetString(5),
            RecordingRows.ParseTime(r.GetString(6)),
            Enum.Parse<PublicationStatus>(r.GetString(7), ignoreCase: true))
        {
            Approver = r.IsDBNull(8) ? null : r.GetString(8),
            PublishedAt = RecordingRows.OptionalTime(r, 9),
            DisplayUntil = RecordingRows.OptionalTime(r, 10),
        };

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new FormatException($"A publication row holds no {typeof(T).Name}.");

    private static string Status(PublicationStatus status) => status.ToString().ToLowerInvariant();
}
