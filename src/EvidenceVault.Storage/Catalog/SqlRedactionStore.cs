using System.Data.Common;
using System.Globalization;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Redaction;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Redacted copies in the catalog database (SQLite or PostgreSQL); a new one carries its custody entry in the same transaction.</summary>
public sealed class SqlRedactionStore(CatalogDatabase database) : IRedactionStore
{
    private const string Select = """
        SELECT id, recording_id, source_sha256, spec, spec_sha256, tool, sha256, size_bytes, created_by, created_at
        FROM redactions
        """;

    public async Task<RecordingRedaction> CreateAsync(Func<RedactionId, RecordingRedaction> numbered, Func<RecordingRedaction, CustodyEntry> custody, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(numbered);
        ArgumentNullException.ThrowIfNull(custody);
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var redaction = numbered(new RedactionId(await CatalogDatabase.NextNumberAsync(connection, transaction, "redactions", cancellationToken)));

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO redactions (id, recording_id, source_sha256, spec, spec_sha256, tool, sha256, size_bytes, created_by, created_at)
            VALUES (@id, @recording, @source, @spec, @spec_sha256, @tool, @sha256, @bytes, @by, @at)
            """;
        var p = insert.Parameters;
        p.AddWithValue("@id", redaction.Id.Value);
        p.AddWithValue("@recording", redaction.Recording.Value);
        p.AddWithValue("@source", redaction.Source.Hex);
        p.AddWithValue("@spec", redaction.Spec);
        p.AddWithValue("@spec_sha256", redaction.SpecSha256.Hex);
        p.AddWithValue("@tool", redaction.Tool);
        p.AddWithValue("@sha256", redaction.Copy.Sha256.Hex);
        p.AddWithValue("@bytes", redaction.Copy.Length);
        p.AddWithValue("@by", redaction.CreatedBy);
        p.AddWithValue("@at", RecordingRows.Time(redaction.CreatedAt));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await SqlCustodyWriter.AppendAsync(connection, transaction, custody(redaction), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return redaction;
    }

    public async Task<RecordingRedaction?> FindAsync(RedactionId id, CancellationToken cancellationToken) =>
        (await database.QueryAsync(Select + " WHERE id = @id", p => p.AddWithValue("@id", id.Value), Read, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<RecordingRedaction>> ListAsync(RecordingId recording, CancellationToken cancellationToken) =>
        database.QueryAsync(Select + " WHERE recording_id = @recording ORDER BY id", p => p.AddWithValue("@recording", recording.Value), Read, cancellationToken);

    private static RecordingRedaction Read(DbDataReader r) => new(
        new RedactionId(r.GetInt64(0)),
        RecordingId.Parse(r.GetString(1)),
        Sha256Digest.Parse(r.GetString(2)),
        r.GetString(3),
        Sha256Digest.Parse(r.GetString(4)),
        r.GetString(5),
        new DerivativeDigest(Sha256Digest.Parse(r.GetString(6)), r.GetInt64(7)),
        r.GetString(8),
        DateTimeOffset.Parse(r.GetString(9), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
