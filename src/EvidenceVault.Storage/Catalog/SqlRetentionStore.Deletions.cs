using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Deletion proposals and their approvals; the (proposal, approver) key refuses the same person twice here too.</summary>
public sealed partial class SqlRetentionStore
{
    private const string ProposalColumns = "id, recording_id, sha256, size_bytes, rule, flags, status, proposed_by, proposed_at, destroy_after";

    public async Task<DeletionProposal> ProposeAsync(DeletionProposal proposal, Func<DeletionProposal, CustodyEntry> custody, CancellationToken cancellationToken)
    {
        var id = await database.InsertWithCustodyAsync(
            """
            INSERT INTO deletion_proposals (recording_id, sha256, size_bytes, rule, flags, status, proposed_by, proposed_at)
            VALUES (@r, @sha, @size, @rule, @flags, @status, @by, @at)
            """,
            p =>
            {
                Bind(p, 0, proposal.Status);
                p.AddWithValue("@r", proposal.Recording.Value);
                p.AddWithValue("@sha", proposal.Sha256.Hex);
                p.AddWithValue("@size", proposal.SizeBytes);
                p.AddWithValue("@rule", proposal.Rule);
                p.AddWithValue("@flags", JsonSerializer.Serialize(proposal.Flags));
                p.AddWithValue("@by", proposal.ProposedBy);
                p.AddWithValue("@at", RecordingRows.Time(proposal.ProposedAt));
            },
            newId => custody(proposal with { Id = newId }),
            cancellationToken);
        return proposal with { Id = id };
    }

    public async Task<DeletionProposal?> FindProposalAsync(long id, CancellationToken cancellationToken) =>
        (await ReadProposalsAsync("id = @id", id, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<DeletionProposal>> ProposalsAsync(DeletionStatus? status, CancellationToken cancellationToken) =>
        ReadProposalsAsync(status is { } s ? $"status = '{s.ToString().ToLowerInvariant()}'" : "1 = 1", 0, cancellationToken);

    public Task ApproveAsync(long id, DeletionApproval approval, DeletionStatus status, DateTimeOffset? destroyAfter, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(
            """
            INSERT INTO deletion_approvals (proposal_id, approver, reason, at) VALUES (@id, @approver, @reason, @at);
            UPDATE deletion_proposals SET status = @status, destroy_after = @destroy_after WHERE id = @id AND status = 'proposed';
            """,
            p =>
            {
                Bind(p, id, status);
                p.AddWithValue("@approver", approval.Approver);
                p.AddWithValue("@reason", approval.Reason);
                p.AddWithValue("@at", RecordingRows.Time(approval.At));
                p.AddWithValue("@destroy_after", Nullable(destroyAfter));
            },
            custody,
            cancellationToken);

    public Task CloseProposalAsync(long id, DeletionStatus status, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                using var close = connection.CreateCommand();
                close.Transaction = transaction;
                close.CommandText = "UPDATE deletion_proposals SET status = @status, closed_at = @at WHERE id = @id AND status IN ('proposed', 'approved')";
                Bind(close.Parameters, id, status);
                close.Parameters.AddWithValue("@at", RecordingRows.Time(custody.At));

                // Closed already (a sweep run twice after a lease was taken over): the tombstone is written once.
                if (await close.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    return false;
                }

                close.CommandText = "UPDATE recordings SET destroyed_at = @at WHERE @status = 'destroyed' AND id = (SELECT recording_id FROM deletion_proposals WHERE id = @id)";
                await close.ExecuteNonQueryAsync(cancellationToken);
                await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
                return true;
            },
            cancellationToken);

    private async Task<IReadOnlyList<DeletionProposal>> ReadProposalsAsync(string condition, long id, CancellationToken cancellationToken)
    {
        var approvals = (await database.QueryAsync(
                "SELECT proposal_id, approver, reason, at FROM deletion_approvals ORDER BY at",
                _ => { },
                r => (Proposal: r.GetInt64(0), Approval: new DeletionApproval(r.GetString(1), r.GetString(2), When(r.GetString(3)))),
                cancellationToken))
            .ToLookup(a => a.Proposal, a => a.Approval);
        return await database.QueryAsync(
            $"SELECT {ProposalColumns} FROM deletion_proposals WHERE {condition} ORDER BY id",
            p => p.AddWithValue("@id", id),
            r => new DeletionProposal(
                r.GetInt64(0),
                RecordingId.Parse(r.GetString(1)),
                Sha256Digest.Parse(r.GetString(2)),
                r.GetInt64(3),
                r.GetString(4),
                JsonSerializer.Deserialize<RiskFlag[]>(r.GetString(5)) ?? [],
                Enum.Parse<DeletionStatus>(r.GetString(6), ignoreCase: true),
                r.GetString(7),
                When(r.GetString(8)),
                [.. approvals[r.GetInt64(0)]],
                r.IsDBNull(9) ? null : When(r.GetString(9))),
            cancellationToken);
    }
}
