using System.Data.Common;
using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.SpotChecks;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Spot-check reviews in the catalog database (SQLite or PostgreSQL), each with its custody entry in the same transaction.</summary>
public sealed class SqlSpotCheckReviewStore(CatalogDatabase database) : ISpotCheckReviewStore
{
    public Task AddAsync(SpotCheckReview review, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.InsertWithCustodyAsync(
            """
            INSERT INTO spot_check_reviews (draw_id, recording_id, reviewer, reviewed_at, findings, follow_up)
            VALUES (@draw, @recording, @reviewer, @at, @findings, @follow_up)
            """,
            p =>
            {
                p.AddWithValue("@draw", review.Draw.Value);
                p.AddWithValue("@recording", review.Recording.Value);
                p.AddWithValue("@reviewer", review.Reviewer);
                p.AddWithValue("@at", RecordingRows.Time(review.At));
                p.AddWithValue("@findings", JsonSerializer.Serialize(review.Findings, CustodyEntries.DetailsJson));
                p.AddWithValue("@follow_up", review.FollowUp);
            },
            _ => custody,
            cancellationToken);

    public Task<IReadOnlyList<SpotCheckReview>> ListAsync(DrawId draw, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT id, draw_id, recording_id, reviewer, reviewed_at, findings, follow_up FROM spot_check_reviews WHERE draw_id = @draw ORDER BY id",
            p => p.AddWithValue("@draw", draw.Value),
            Read,
            cancellationToken);

    private static SpotCheckReview Read(DbDataReader r) => new(
        new DrawId(r.GetInt64(1)),
        RecordingId.Parse(r.GetString(2)),
        r.GetString(3),
        RecordingRows.ParseTime(r.GetString(4)),
        JsonSerializer.Deserialize<ChecklistFinding[]>(r.GetString(5), CustodyEntries.DetailsJson) ?? [],
        r.IsDBNull(6) ? null : r.GetString(6));
}
