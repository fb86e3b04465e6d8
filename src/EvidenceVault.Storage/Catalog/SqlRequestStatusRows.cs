using System.Data.Common;
using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Storage.Catalog;

/// <summary>The public site's read of request status: the information_request_status table, by lookup hash, and nothing else.</summary>
public sealed class SqlRequestStatusRows(CatalogDatabase database) : IRequestStatusRows
{
    public async Task<PublishedRequestStatus?> FindAsync(string lookupHash, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            "SELECT stage, received_on, due_on, due_provisional, answered_on FROM information_request_status WHERE lookup_hash = @hash",
            p => p.AddWithValue("@hash", lookupHash),
            Read,
            cancellationToken)).SingleOrDefault();

    private static PublishedRequestStatus Read(DbDataReader r) => new(
        Enum.Parse<RequestStage>(r.GetString(0)),
        RecordingRows.ParseDay(r.GetString(1)),
        r.IsDBNull(2) ? null : RecordingRows.ParseDay(r.GetString(2)),
        r.GetInt64(3) != 0,
        r.IsDBNull(4) ? null : RecordingRows.ParseDay(r.GetString(4)));
}
