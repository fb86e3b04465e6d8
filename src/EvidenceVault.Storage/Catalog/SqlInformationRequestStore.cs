using System.Data.Common;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Storage.Catalog;

/// <summary>
/// Information requests in the catalog database (SQLite or PostgreSQL); every change carries its custody entries and its row of the
/// published status projection (information_request_status) in the same transaction.
/// </summary>
public sealed class SqlInformationRequestStore(CatalogDatabase database) : IInformationRequestStore
{
    private const string Columns = """
        id, applicant_name, id_type, id_number, phone, email, address, description, purpose, preferred_form, received_at, received_on, status,
        notice_by, notice_on, notice_text, completed_by, completed_on, completed_note, extended_by, extended_on, extension_approver, extension_reason,
        answered_by, answered_on, outcome, ground
        """;

    public Task<InformationRequest> CreateAsync(
        Func<InformationRequestId, InformationRequest> numbered, Func<InformationRequest, RequestLookup> lookup, Func<InformationRequest, IReadOnlyList<CustodyEntry>> custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                var request = numbered(new InformationRequestId(await CatalogDatabase.NextNumberAsync(connection, transaction, "information_requests", cancellationToken)));
                await CatalogDatabase.ExecuteAsync(connection, transaction, $"INSERT INTO information_requests ({Columns}) VALUES ({Parameters()})", p => Bind(p, request), cancellationToken);
                var row = lookup(request);
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO information_request_status (lookup_hash, request_id, stage, received_on, due_on, due_provisional, answered_on) VALUES (@hash, @id, @stage, @received_on, @due_on, @due_provisional, @answered_on)",
                    p =>
                    {
                        p.AddWithValue("@hash", row.Hash);
                        BindStatus(p, request.Id, row.Status);
                    },
                    cancellationToken);
                foreach (var entry in custody(request))
                {
                    await SqlCustodyWriter.AppendAsync(connection, transaction, entry, cancellationToken);
                }

                return request;
            },
            cancellationToken);

    public Task UpdateAsync(InformationRequest request, PublishedRequestStatus status, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    """
                    UPDATE information_requests SET status = @status, notice_by = @notice_by, notice_on = @notice_on, notice_text = @notice_text,
                        completed_by = @completed_by, completed_on = @completed_on, completed_note = @completed_note, extended_by = @extended_by,
                        extended_on = @extended_on, extension_approver = @extension_approver, extension_reason = @extension_reason,
                        answered_by = @answered_by, answered_on = @answered_on, outcome = @outcome, ground = @ground
                    WHERE id = @id
                    """,
                    p => Bind(p, request),
                    cancellationToken);
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE information_request_status SET stage = @stage, received_on = @received_on, due_on = @due_on, due_provisional = @due_provisional, answered_on = @answered_on WHERE request_id = @id",
                    p => BindStatus(p, request.Id, status),
                    cancellationToken);
                foreach (var entry in custody)
                {
                    await SqlCustodyWriter.AppendAsync(connection, transaction, entry, cancellationToken);
                }

                return true;
            },
            cancellationToken);

    public async Task<InformationRequest?> FindAsync(InformationRequestId id, CancellationToken cancellationToken) =>
        (await database.QueryAsync($"SELECT {Columns} FROM information_requests WHERE id = @id", p => p.AddWithValue("@id", id.Value), Read, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<InformationRequest>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT {Columns} FROM information_requests ORDER BY id DESC", _ => { }, Read, cancellationToken);

    private static string Parameters() => string.Join(", ", Columns.Split(',', StringSplitOptions.TrimEntries).Select(c => "@" + c));

    private static void Bind(DbParameterCollection p, InformationRequest r)
    {
        p.AddWithValue("@id", r.Id.Value);
        p.AddWithValue("@applicant_name", r.Applicant.Name);
        p.AddWithValue("@id_type", (object?)r.Applicant.IdType ?? DBNull.Value);
        p.AddWithValue("@id_number", (object?)r.Applicant.IdNumber ?? DBNull.Value);
        p.AddWithValue("@phone", (object?)r.Applicant.Phone ?? DBNull.Value);
        p.AddWithValue("@email", (object?)r.Applicant.Email ?? DBNull.Value);
        p.AddWithValue("@address", (object?)r.Applicant.Address ?? DBNull.Value);
        p.AddWithValue("@description", r.Description);
        p.AddWithValue("@purpose", (object?)r.Purpose ?? DBNull.Value);
        p.AddWithValue("@preferred_form", r.Form.ToString());
        p.AddWithValue("@received_at", RecordingRows.Time(r.ReceivedAt));
        p.AddWithValue("@received_on", RecordingRows.Day(r.ReceivedOn));
        p.AddWithValue("@status", r.Status.ToString());
        BindStep(p, "notice", r.CompletionNotice, "@notice_text");
        BindStep(p, "completed", r.Completion, "@completed_note");
        p.AddWithValue("@extended_by", (object?)r.Extension?.By ?? DBNull.Value);
        p.AddWithValue("@extended_on", r.Extension is { } e ? RecordingRows.Day(e.On) : DBNull.Value);
        p.AddWithValue("@extension_approver", (object?)r.Extension?.Approver ?? DBNull.Value);
        p.AddWithValue("@extension_reason", (object?)r.Extension?.Reason ?? DBNull.Value);
        p.AddWithValue("@answered_by", (object?)r.Answer?.By ?? DBNull.Value);
        p.AddWithValue("@answered_on", r.Answer is { } a ? RecordingRows.Day(a.On) : DBNull.Value);
        p.AddWithValue("@outcome", (object?)r.Answer?.Outcome.ToString() ?? DBNull.Value);
        p.AddWithValue("@ground", (object?)r.Answer?.Ground ?? DBNull.Value);
    }

    private static void BindStatus(DbParameterCollection p, InformationRequestId id, PublishedRequestStatus status)
    {
        p.AddWithValue("@id", id.Value);
        p.AddWithValue("@stage", status.Stage.ToString());
        p.AddWithValue("@received_on", RecordingRows.Day(status.ReceivedOn));
        p.AddWithValue("@due_on", status.DueOn is { } due ? RecordingRows.Day(due) : DBNull.Value);
        p.AddWithValue("@due_provisional", status.DueProvisional ? 1L : 0L);
        p.AddWithValue("@answered_on", status.AnsweredOn is { } answered ? RecordingRows.Day(answered) : DBNull.Value);
    }

    private static void BindStep(DbParameterCollection p, string prefix, RequestStep? step, string text)
    {
        p.AddWithValue($"@{prefix}_by", (object?)step?.By ?? DBNull.Value);
        p.AddWithValue($"@{prefix}_on", step is { } s ? RecordingRows.Day(s.On) : DBNull.Value);
        p.AddWithValue(text, (object?)step?.Text ?? DBNull.Value);
    }

    private static InformationRequest Read(DbDataReader r) => new(
        new InformationRequestId(r.GetInt64(0)),
        new Applicant(r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6)),
        r.GetString(7),
        Text(r, 8),
        Enum.Parse<PreferredForm>(r.GetString(9)),
        RecordingRows.ParseTime(r.GetString(10)),
        RecordingRows.ParseDay(r.GetString(11)),
        Enum.Parse<InformationRequestStatus>(r.GetString(12)))
    {
        CompletionNotice = Step(r, 13),
        Completion = Step(r, 16),
        Extension = r.IsDBNull(19) ? null : new RequestExtension(r.GetString(19), RecordingRows.ParseDay(r.GetString(20)), r.GetString(21), r.GetString(22)),
        Answer = r.IsDBNull(23) ? null : new RequestAnswer(r.GetString(23), RecordingRows.ParseDay(r.GetString(24)), Enum.Parse<ReplyOutcome>(r.GetString(25)), r.GetString(26)),
    };

    private static RequestStep? Step(DbDataReader r, int first) =>
        r.IsDBNull(first) ? null : new RequestStep(r.GetString(first), RecordingRows.ParseDay(r.GetString(first + 1)), Text(r, first + 2) ?? string.Empty);

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
