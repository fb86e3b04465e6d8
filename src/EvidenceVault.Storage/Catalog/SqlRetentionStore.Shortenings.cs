using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Catalog;

/// <summary>The changes that shortened a recording's retention term.</summary>
public sealed partial class SqlRetentionStore
{
    public Task RecordShorteningAsync(TermShortening shortening, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(
            "INSERT INTO term_shortenings (recording_id, change, from_term, to_term, actor, at) VALUES (@r, @change, @from, @to, @actor, @at)",
            p =>
            {
                p.AddWithValue("@r", shortening.Recording.Value);
                p.AddWithValue("@change", shortening.Change);
                p.AddWithValue("@from", shortening.From);
                p.AddWithValue("@to", shortening.To);
                p.AddWithValue("@actor", shortening.Actor);
                p.AddWithValue("@at", RecordingRows.Time(shortening.At));
            },
            custody,
            cancellationToken);

    // Rows are written with the UTC clock of CustodyEntries, so the round-trip text sorts as time.
    public Task<IReadOnlyList<TermShortening>> ShorteningsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT recording_id, change, from_term, to_term, actor, at FROM term_shortenings WHERE at >= @since ORDER BY id",
            p => p.AddWithValue("@since", RecordingRows.Time(since.ToUniversalTime())),
            r => new TermShortening(RecordingId.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), When(r.GetString(5))),
            cancellationToken);
}
