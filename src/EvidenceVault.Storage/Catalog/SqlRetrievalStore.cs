using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Retrieval requests and grants in the catalog database (SQLite or PostgreSQL); every change carries its custody entry in the same transaction.</summary>
public sealed class SqlRetrievalStore(CatalogDatabase database) : IRetrievalStore
{
    private const string Select = """
        SELECT id, requester, case_number, recordings, purpose, valid_from, valid_until, outside_agency, tier, tier_department,
               status, requested_at, decided_by, decided_at, decision_reason, revoked_by, revoked_at, revoke_reason, redacted_only
        FROM retrieval_requests
        """;

    public async Task<RetrievalRequest> CreateAsync(Func<RetrievalId, RetrievalRequest> numbered, Func<RetrievalRequest, CustodyEntry> custody, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        var request = numbered(new RetrievalId(await CatalogDatabase.NextNumberAsync(connection, transaction, "retrieval_requests", cancellationToken)));

        await InsertAsync(connection, transaction, request, custody, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return request;
    }

    /// <summary>Inserts a numbered request and its custody entry in the caller's transaction (a draw's reveal writes its grant so).</summary>
    internal static async Task InsertAsync(
        DbConnection connection, DbTransaction transaction, RetrievalRequest request, Func<RetrievalRequest, CustodyEntry> custody, CancellationToken cancellationToken)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO retrieval_requests (id, requester, case_number, recordings, purpose, valid_from, valid_until, outside_agency, tier,
                tier_department, status, requested_at, decided_by, decided_at, decision_reason, revoked_by, revoked_at, revoke_reason, redacted_only)
            VALUES (@id, @requester, @case, @recordings, @purpose, @from, @until, @outside, @tier,
                @department, @status, @at, @decided_by, @decided_at, @decision_reason, @revoked_by, @revoked_at, @revoke_reason, @redacted_only)
            """;
        Bind(insert.Parameters, request);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await SqlCustodyWriter.AppendAsync(connection, transaction, custody(request), cancellationToken);
    }

    public Task UpdateAsync(RetrievalRequest request, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(
            """
            UPDATE retrieval_requests SET status = @status, decided_by = @decided_by, decided_at = @decided_at, decision_reason = @decision_reason,
                revoked_by = @revoked_by, revoked_at = @revoked_at, revoke_reason = @revoke_reason
            WHERE id = @id
            """,
            p => Bind(p, request),
            custody,
            cancellationToken);

    public async Task<RetrievalRequest?> FindAsync(RetrievalId id, CancellationToken cancellationToken) =>
        (await database.QueryAsync(Select + " WHERE id = @id", p => p.AddWithValue("@id", id.Value), Read, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<RetrievalRequest>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync(Select + " ORDER BY id DESC", _ => { }, Read, cancellationToken);

    private static void Bind(DbParameterCollection p, RetrievalRequest r)
    {
        p.AddWithValue("@id", r.Id.Value);
        p.AddWithValue("@requester", r.Requester.Value);
        p.AddWithValue("@case", r.Case is { } c ? c.Value : DBNull.Value);
        p.AddWithValue("@recordings", JsonSerializer.Serialize(r.Recordings.Select(id => id.Value)));
        p.AddWithValue("@purpose", r.Purpose);
        p.AddWithValue("@from", RecordingRows.Time(r.Period.From));
        p.AddWithValue("@until", RecordingRows.Time(r.Period.Until));
        p.AddWithValue("@outside", (object?)r.OutsideAgency ?? DBNull.Value);
        p.AddWithValue("@tier", r.Tier.Kind.ToString());
        p.AddWithValue("@department", (object?)r.Tier.Department ?? DBNull.Value);
        p.AddWithValue("@status", r.Status.ToString());
        p.AddWithValue("@at", RecordingRows.Time(r.RequestedAt));
        p.AddWithValue("@decided_by", r.Decision is { } d ? d.By.Value : DBNull.Value);
        p.AddWithValue("@decided_at", r.Decision is { } da ? RecordingRows.Time(da.At) : DBNull.Value);
        p.AddWithValue("@decision_reason", (object?)r.Decision?.Reason ?? DBNull.Value);
        p.AddWithValue("@revoked_by", r.Revocation is { } v ? v.By.Value : DBNull.Value);
        p.AddWithValue("@revoked_at", r.Revocation is { } va ? RecordingRows.Time(va.At) : DBNull.Value);
        p.AddWithValue("@revoke_reason", (object?)r.Revocation?.Reason ?? DBNull.Value);
        p.AddWithValue("@redacted_only", r.RedactedOnly ? 1 : 0);
    }

    private static RetrievalRequest Read(DbDataReader r) => new(
        new RetrievalId(r.GetInt64(0)),
        UserName.Parse(r.GetString(1)),
        r.IsDBNull(2) ? null : CaseNumber.Parse(r.GetString(2)),
        [.. (JsonSerializer.Deserialize<string[]>(r.GetString(3)) ?? []).Select(RecordingId.Parse)],
        r.GetString(4),
        new RetrievalPeriod(When(r, 5), When(r, 6)),
        r.IsDBNull(7) ? null : r.GetString(7),
        new ApprovalTier(Enum.Parse<TierKind>(r.GetString(8)), r.IsDBNull(9) ? null : r.GetString(9)),
        Enum.Parse<RetrievalStatus>(r.GetString(10)),
        When(r, 11),
        Decision(r, 12),
        Decision(r, 15))
    {
        RedactedOnly = r.GetInt64(18) != 0,
    };

    private static RetrievalDecision? Decision(DbDataReader r, int first) =>
        r.IsDBNull(first) ? null : new RetrievalDecision(UserName.Parse(r.GetString(first)), When(r, first + 1), r.IsDBNull(first + 2) ? null : r.GetString(first + 2));

    private static DateTimeOffset When(DbDataReader r, int i) => DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
