using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.PriorDisclosure;

namespace EvidenceVault.Storage.Catalog;

/// <summary>The 事前公开 versions and their published projection in the catalog database.</summary>
public sealed class SqlPriorDisclosureStore(CatalogDatabase database) : IPriorDisclosureStore
{
    public Task<IReadOnlyList<PriorDisclosureVersion>> VersionsAsync(CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT id, data, changes, editor, edited_at, publisher, published_at FROM prior_disclosure_versions ORDER BY id DESC",
            _ => { },
            r => new PriorDisclosureVersion(r.GetInt64(0), PriorDisclosureJson.Read(r.GetString(1)), JsonSerializer.Deserialize<string[]>(r.GetString(2))!, r.GetString(3), RecordingRows.ParseTime(r.GetString(4)))
            {
                Publisher = r.IsDBNull(5) ? null : r.GetString(5),
                PublishedAt = r.IsDBNull(6) ? null : RecordingRows.ParseTime(r.GetString(6)),
            },
            cancellationToken);

    public Task AppendAsync(PriorDisclosureVersion version, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                // The next number is decided inside the write transaction, so two editors never both get it.
                if (await CatalogDatabase.NextNumberAsync(connection, transaction, "prior_disclosure_versions", cancellationToken) != version.Number)
                {
                    throw new PriorDisclosureConflictException(version.Number);
                }

                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO prior_disclosure_versions (id, data, changes, editor, edited_at) VALUES (@id, @data, @changes, @editor, @at)",
                    p =>
                    {
                        p.AddWithValue("@id", version.Number);
                        p.AddWithValue("@data", PriorDisclosureJson.Write(version.Data));
                        p.AddWithValue("@changes", JsonSerializer.Serialize(version.Changes));
                        p.AddWithValue("@editor", version.Editor);
                        p.AddWithValue("@at", RecordingRows.Time(version.EditedAt));
                    },
                    cancellationToken);
                await AppendCustodyAsync(connection, transaction, custody, cancellationToken);
                return true;
            },
            cancellationToken);

    public Task PublishAsync(long version, string publisher, DateTimeOffset at, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                void Bind(DbParameterCollection p)
                {
                    p.AddWithValue("@version", version);
                    p.AddWithValue("@publisher", publisher);
                    p.AddWithValue("@at", RecordingRows.UtcKey(at));
                }

                if (await CatalogDatabase.ExecuteAsync(connection, transaction, "SELECT COUNT(*) FROM prior_disclosure_versions WHERE id = @version AND published_at IS NULL", Bind, cancellationToken) == 0)
                {
                    throw new PriorDisclosureRuleException($"Version {version} of the 事前公开 data is not waiting to be published (published meanwhile?).");
                }

                await CatalogDatabase.ExecuteAsync(connection, transaction, "UPDATE prior_disclosure_versions SET publisher = @publisher, published_at = @at WHERE id <= @version AND published_at IS NULL", Bind, cancellationToken);
                await CatalogDatabase.ExecuteAsync(connection, transaction, "DELETE FROM published_prior_disclosure", _ => { }, cancellationToken);
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO published_prior_disclosure (slot, version, data, published_at) SELECT 1, id, data, @at FROM prior_disclosure_versions WHERE id = @version",
                    Bind,
                    cancellationToken);
                await AppendCustodyAsync(connection, transaction, custody, cancellationToken);
                return true;
            },
            cancellationToken);

    private static async Task AppendCustodyAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken)
    {
        foreach (var entry in custody)
        {
            await SqlCustodyWriter.AppendAsync(connection, transaction, entry, cancellationToken);
        }
    }
}

/// <summary>The data set as stored: the Domain records as JSON, enums by name, the certificate number as its text.</summary>
internal static class PriorDisclosureJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(), new CertificateConverter() } };

    public static string Write(PriorDisclosureSet data) => JsonSerializer.Serialize(data, Json);

    public static PriorDisclosureSet Read(string json) => JsonSerializer.Deserialize<PriorDisclosureSet>(json, Json)!;

    private sealed class CertificateConverter : JsonConverter<EnforcementCertificateNumber>
    {
        public override EnforcementCertificateNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            EnforcementCertificateNumber.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, EnforcementCertificateNumber value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
