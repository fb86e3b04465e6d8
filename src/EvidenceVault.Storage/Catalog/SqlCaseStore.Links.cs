using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Links between recordings and cases, and the unfiled queue.</summary>
public sealed partial class SqlCaseStore
{
    public Task LinkAsync(RecordingLink link, CustodyEntry custody, CancellationToken cancellationToken) =>
        WriteAsync(
            """
            INSERT INTO recording_links (recording_id, case_number, activity_id, stage, origin, reason, document_type, linked_at)
            VALUES (@r, @n, @activity, @stage, @origin, @reason, @doc, @at)
            ON CONFLICT (recording_id, case_number) DO UPDATE SET activity_id = @activity, stage = @stage, origin = @origin,
                reason = @reason, document_type = @doc, linked_at = @at
            """,
            p =>
            {
                p.AddWithValue("@r", link.Recording.Value);
                p.AddWithValue("@n", link.Case.Value);
                p.AddWithValue("@activity", (object?)link.ActivityId ?? DBNull.Value);
                p.AddWithValue("@stage", (int)link.Stage);
                p.AddWithValue("@origin", link.Origin.ToString().ToLowerInvariant());
                p.AddWithValue("@reason", link.Reason);
                p.AddWithValue("@doc", (object?)link.DocumentType ?? DBNull.Value);
                p.AddWithValue("@at", RecordingRows.Time(link.At));
            },
            custody,
            cancellationToken);

    public async Task<bool> UnlinkAsync(CaseNumber number, RecordingId recording, CustodyEntry custody, CancellationToken cancellationToken)
    {
        if ((await LinksAsync(number, recording, cancellationToken)).Count == 0)
        {
            return false;
        }

        await WriteAsync(
            "DELETE FROM recording_links WHERE case_number = @n AND recording_id = @r",
            p =>
            {
                p.AddWithValue("@n", number.Value);
                p.AddWithValue("@r", recording.Value);
            },
            custody,
            cancellationToken);
        return true;
    }

    public Task<IReadOnlyList<RecordingLink>> LinksAsync(CaseNumber? number, RecordingId? recording, CancellationToken cancellationToken) =>
        QueryAsync(
            """
            SELECT recording_id, case_number, activity_id, stage, origin, reason, document_type, linked_at FROM recording_links
            WHERE (case_number = @n OR @n IS NULL) AND (recording_id = @r OR @r IS NULL) ORDER BY stage, linked_at
            """,
            p =>
            {
                p.AddWithValue("@n", number is { } n ? n.Value : DBNull.Value);
                p.AddWithValue("@r", recording is { } r ? r.Value : DBNull.Value);
            },
            r => new RecordingLink(
                RecordingId.Parse(r.GetString(0)),
                CaseNumber.Parse(r.GetString(1)),
                r.IsDBNull(2) ? null : r.GetInt64(2),
                (ProcedureStage)r.GetInt32(3),
                Enum.Parse<LinkOrigin>(r.GetString(4), ignoreCase: true),
                r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6),
                When(r, 7)),
            cancellationToken);

    public Task<IReadOnlyList<RecordingEntry>> UnfiledAsync(OfficerId? officer, RecordingScope? scope, CancellationToken cancellationToken)
    {
        var values = new List<(string Name, object Value)> { ("@officer", officer is { } o ? o.Value : DBNull.Value) };
        var inScope = scope is null ? string.Empty : " AND " + RecordingRows.ScopeCondition(scope, (name, value) => values.Add((name, value)));
        return QueryAsync(
            $"""
            SELECT {RecordingRows.SelectColumns} FROM recordings
            WHERE (officer_id = @officer OR @officer IS NULL){inScope}
              AND NOT EXISTS (SELECT 1 FROM recording_links l WHERE l.recording_id = recordings.id AND l.origin <> 'suggested')
            ORDER BY recorded_at_utc DESC NULLS LAST
            """,
            p => values.ForEach(v => p.AddWithValue(v.Name, v.Value)),
            RecordingRows.Read,
            cancellationToken);
    }
}
