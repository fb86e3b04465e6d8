using System.Data.Common;
using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Draws in the catalog database (SQLite or PostgreSQL); every change carries its custody entry in the same transaction.</summary>
public sealed class SqlDrawStore(CatalogDatabase database) : IDrawStore
{
    private const string Select = """
        SELECT id, kind, title, candidates, list_sha256, seed_source, quota, algorithm, seed_due_at, committed_by, committed_at,
               seed, revealed_by, revealed_at, selected, grant_id
        FROM draws
        """;

    public Task<Draw> CreateAsync(Func<DrawId, Draw> numbered, Func<Draw, CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync((connection, transaction) => InsertAsync(connection, transaction, numbered, custody, cancellationToken), cancellationToken);

    /// <summary>Numbers, inserts and ledgers one draw inside the caller's transaction (a 双随机 task commits two with itself).</summary>
    internal static async Task<Draw> InsertAsync(DbConnection connection, DbTransaction transaction, Func<DrawId, Draw> numbered, Func<Draw, CustodyEntry> custody, CancellationToken cancellationToken)
    {
        var draw = numbered(new DrawId(await CatalogDatabase.NextNumberAsync(connection, transaction, "draws", cancellationToken)));
        await CatalogDatabase.ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO draws (id, kind, title, candidates, list_sha256, seed_source, quota, algorithm, commitment, seed_due_at, committed_by, committed_at)
            VALUES (@id, @kind, @title, @candidates, @list, @seed_source, @quota, @algorithm, @commitment, @due, @by, @at)
            """,
            p =>
            {
                p.AddWithValue("@id", draw.Id.Value);
                p.AddWithValue("@kind", draw.Kind.ToString());
                p.AddWithValue("@title", draw.Title);
                p.AddWithValue("@candidates", draw.Candidates.Canonical);
                p.AddWithValue("@list", draw.ListHash.ToString());
                p.AddWithValue("@seed_source", draw.SeedSource.Name);
                p.AddWithValue("@quota", JsonSerializer.Serialize(draw.Quota.Entries));
                p.AddWithValue("@algorithm", DrawAlgorithm.Version);
                p.AddWithValue("@commitment", draw.Commitment.ToString());
                p.AddWithValue("@due", RecordingRows.Time(draw.SeedDueAt));
                p.AddWithValue("@by", draw.CommittedBy);
                p.AddWithValue("@at", RecordingRows.Time(draw.CommittedAt));
            },
            cancellationToken);
        await SqlCustodyWriter.AppendAsync(connection, transaction, custody(draw), cancellationToken);
        return draw;
    }

    public Task<Draw?> RevealAsync(Func<RetrievalId?, Draw> revealed, Func<Draw, CustodyEntry> custody, RevealGrant? grant, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync<Draw?>(
            async (connection, transaction) =>
            {
                RetrievalId? grantId = grant is null ? null : new RetrievalId(await CatalogDatabase.NextNumberAsync(connection, transaction, "retrieval_requests", cancellationToken));
                var draw = revealed(grantId);
                var reveal = draw.Reveal ?? throw new ArgumentException($"{draw.Id} carries no reveal to store.", nameof(revealed));
                using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = """
                    UPDATE draws SET seed = @seed, revealed_by = @by, revealed_at = @at, selected = @selected, grant_id = @grant
                    WHERE id = @id AND revealed_at IS NULL
                    """;
                update.Parameters.AddWithValue("@id", draw.Id.Value);
                update.Parameters.AddWithValue("@seed", reveal.Seed.Value);
                update.Parameters.AddWithValue("@by", reveal.By);
                update.Parameters.AddWithValue("@at", RecordingRows.Time(reveal.At));
                update.Parameters.AddWithValue("@selected", JsonSerializer.Serialize(reveal.Selected.Select(c => c.Line)));
                update.Parameters.AddWithValue("@grant", grantId is { } g ? g.Value : DBNull.Value);
                if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    return null;
                }

                // The grant is written with the reveal, never before it, so no crash leaves a grant without its draw.
                if (grant is not null && grantId is { } id)
                {
                    await SqlRetrievalStore.InsertAsync(connection, transaction, grant.Numbered(id), grant.Custody, cancellationToken);
                }

                await SqlCustodyWriter.AppendAsync(connection, transaction, custody(draw), cancellationToken);
                return draw;
            },
            cancellationToken);

    public async Task<Draw?> FindAsync(DrawId id, CancellationToken cancellationToken) =>
        (await database.QueryAsync(Select + " WHERE id = @id", p => p.AddWithValue("@id", id.Value), Read, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<Draw>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync(Select + " ORDER BY id DESC", _ => { }, Read, cancellationToken);

    private static Draw Read(DbDataReader r)
    {
        if (r.GetString(7) != DrawAlgorithm.Version)
        {
            throw new FormatException($"draw algorithm '{r.GetString(7)}' is not {DrawAlgorithm.Version}");
        }

        var candidates = CandidateList.Parse(r.GetString(3));
        return new Draw(
            new DrawId(r.GetInt64(0)),
            Enum.Parse<DrawKind>(r.GetString(1)),
            r.GetString(2),
            candidates,
            SeedSource.Parse(r.GetString(5)),
            DrawQuota.Parse(JsonSerializer.Deserialize<string[]>(r.GetString(6)) ?? []),
            CandidateListHash.Parse(r.GetString(4)),
            RecordingRows.ParseTime(r.GetString(8)),
            r.GetString(9),
            RecordingRows.ParseTime(r.GetString(10)),
            r.IsDBNull(11) ? null : new DrawReveal(
                DrawSeed.Parse(r.GetString(11)),
                r.GetString(12),
                RecordingRows.ParseTime(r.GetString(13)),
                [.. (JsonSerializer.Deserialize<string[]>(r.GetString(14)) ?? []).Select(DrawCandidate.ParseLine)],
                r.IsDBNull(15) ? null : new RetrievalId(r.GetInt64(15))));
    }
}
