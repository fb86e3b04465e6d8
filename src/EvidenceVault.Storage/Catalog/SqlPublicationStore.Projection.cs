using System.Data.Common;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Storage.Catalog;

/// <summary>
/// Writes to the published projection: each in the same transaction as the draft's status, the decision's disclosure
/// dates and the custody entries, so the site, the clocks and the ledger never disagree.
/// </summary>
public sealed partial class SqlPublicationStore
{
    public Task PublishAsync(long id, string approver, PublishedDecision published, DateOnly publishedOn, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) =>
        InTransactionWithCustodyAsync(
            async (connection, transaction) =>
            {
                var text = published.Text;
                var changed = await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE publication_drafts SET status = @published, approver = @approver, published_at = @at, display_until = @until WHERE id = @id AND status = @draft RETURNING id",
                    p =>
                    {
                        p.AddWithValue("@id", id);
                        p.AddWithValue("@published", Status(PublicationStatus.Published));
                        p.AddWithValue("@draft", Status(PublicationStatus.Draft));
                        p.AddWithValue("@approver", approver);
                        p.AddWithValue("@at", RecordingRows.UtcKey(published.PublishedAt));
                        p.AddWithValue("@until", RecordingRows.UtcKey(published.DisplayUntil));
                    },
                    cancellationToken);
                if (changed == 0)
                {
                    throw new PublicationRuleException($"Publication {id} is no longer a draft (approved meanwhile?).");
                }

                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO published_decisions (id, document_number, agency, party, category, facts, legal_basis, conclusion, decision_date, published_at, display_until)
                    VALUES (@id, @number, @agency, @party, @category, @facts, @basis, @conclusion, @date, @at, @until)
                    """,
                    p =>
                    {
                        p.AddWithValue("@id", id);
                        p.AddWithValue("@number", text.DocumentNumber);
                        p.AddWithValue("@agency", text.Agency);
                        p.AddWithValue("@party", text.Party);
                        p.AddWithValue("@category", text.Category.ToString());
                        p.AddWithValue("@facts", text.Facts);
                        p.AddWithValue("@basis", text.LegalBasis);
                        p.AddWithValue("@conclusion", text.Conclusion);
                        p.AddWithValue("@date", RecordingRows.Day(text.DecisionDate));
                        p.AddWithValue("@at", RecordingRows.UtcKey(published.PublishedAt));
                        p.AddWithValue("@until", RecordingRows.UtcKey(published.DisplayUntil));
                    },
                    cancellationToken);
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE decisions SET published_on = @day WHERE case_number = (SELECT case_number FROM publication_drafts WHERE id = @id)",
                    p =>
                    {
                        p.AddWithValue("@id", id);
                        p.AddWithValue("@day", RecordingRows.Day(publishedOn));
                    },
                    cancellationToken);
            },
            custody,
            cancellationToken);

    public Task WithdrawAsync(long id, PublishedWithdrawal withdrawal, DateOnly revokedOn, DateOnly takenDownOn, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) =>
        InTransactionWithCustodyAsync(
            async (connection, transaction) =>
            {
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE publication_drafts SET status = @withdrawn WHERE id = @id",
                    p =>
                    {
                        p.AddWithValue("@id", id);
                        p.AddWithValue("@withdrawn", Status(PublicationStatus.Withdrawn));
                    },
                    cancellationToken);
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE published_decisions SET withdrawn_at = @at, withdrawal_kind = @kind, withdrawal_reason = @reason WHERE id = @id",
                    p =>
                    {
                        p.AddWithValue("@id", id);
                        p.AddWithValue("@at", RecordingRows.UtcKey(withdrawal.At));
                        p.AddWithValue("@kind", withdrawal.Kind.ToString());
                        p.AddWithValue("@reason", withdrawal.Reason);
                    },
                    cancellationToken);
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE decisions SET revoked_on = @revoked, taken_down_on = @day WHERE case_number = (SELECT case_number FROM publication_drafts WHERE id = @id)",
                    p =>
                    {
                        p.AddWithValue("@id", id);
                        p.AddWithValue("@revoked", RecordingRows.Day(revokedOn));
                        p.AddWithValue("@day", RecordingRows.Day(takenDownOn));
                    },
                    cancellationToken);
            },
            custody,
            cancellationToken);

    public Task EndAsync(long id, CustodyEntry custody, CancellationToken cancellationToken) =>
        InTransactionWithCustodyAsync(
            async (connection, transaction) =>
            {
                void Bind(DbParameterCollection p)
                {
                    p.AddWithValue("@id", id);
                    p.AddWithValue("@ended", Status(PublicationStatus.Ended));
                    p.AddWithValue("@at", RecordingRows.UtcKey(custody.At));
                }

                await CatalogDatabase.ExecuteAsync(connection, transaction, "UPDATE publication_drafts SET status = @ended WHERE id = @id", Bind, cancellationToken);
                await CatalogDatabase.ExecuteAsync(connection, transaction, "UPDATE published_decisions SET ended_at = @at WHERE id = @id", Bind, cancellationToken);
            },
            [custody],
            cancellationToken);

    public Task<bool> PublishCheckpointAsync(PublishedCheckpoint checkpoint, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) => await CatalogDatabase.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO published_checkpoints (name, size, root_hash, cut_at, note) VALUES (@name, @size, @root, @at, @note) ON CONFLICT (name) DO NOTHING RETURNING 1",
                p =>
                {
                    p.AddWithValue("@name", checkpoint.Name);
                    p.AddWithValue("@size", checkpoint.Size);
                    p.AddWithValue("@root", checkpoint.RootHash);
                    p.AddWithValue("@at", RecordingRows.UtcKey(checkpoint.Time));
                    p.AddWithValue("@note", checkpoint.Note);
                },
                cancellationToken) > 0,
            cancellationToken);

    private async Task<PublicationDraft> WithWithdrawalAsync(PublicationDraft draft, CancellationToken cancellationToken) =>
        draft.Status is PublicationStatus.Withdrawn or PublicationStatus.Ended
            ? draft with
            {
                Withdrawal = (await database.QueryAsync(
                    "SELECT withdrawal_kind, withdrawal_reason, withdrawn_at FROM published_decisions WHERE id = @id AND withdrawn_at IS NOT NULL",
                    p => p.AddWithValue("@id", draft.Id),
                    r => new PublishedWithdrawal(Enum.Parse<WithdrawalKind>(r.GetString(0)), r.GetString(1), RecordingRows.ParseTime(r.GetString(2))),
                    cancellationToken)).SingleOrDefault(),
            }
            : draft;

    private Task<bool> InTransactionWithCustodyAsync(Func<DbConnection, DbTransaction, Task> body, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                await body(connection, transaction);
                foreach (var entry in custody)
                {
                    await SqlCustodyWriter.AppendAsync(connection, transaction, entry, cancellationToken);
                }

                return true;
            },
            cancellationToken);
}
