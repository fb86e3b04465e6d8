using System.Data.Common;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Station API keys in the catalog database, by their keyed digest only; issuing and revoking share a transaction with their custody entry.</summary>
public sealed class SqlStationKeyStore(CatalogDatabase database) : IStationKeyStore
{
    private const string Select = "SELECT id, prefix, station, user_name, issued_at, issued_by, last_used_at, revoked_at, revoked_by, seal, key_sha256 FROM station_keys";

    public async Task<StationKey> AddAsync(StationKey key, string keyDigest, CustodyEntry custody, CancellationToken cancellationToken)
    {
        var id = await database.InsertWithCustodyAsync(
            "INSERT INTO station_keys (prefix, key_sha256, station, user_name, issued_at, issued_by, seal) VALUES (@prefix, @digest, @station, @user, @at, @by, @seal)",
            p =>
            {
                p.AddWithValue("@seal", (object?)key.Seal ?? DBNull.Value);
                p.AddWithValue("@prefix", key.Prefix);
                p.AddWithValue("@digest", keyDigest);
                p.AddWithValue("@station", key.Station.Value);
                p.AddWithValue("@user", key.User.Value);
                p.AddWithValue("@at", RecordingRows.Time(key.IssuedAt));
                p.AddWithValue("@by", key.IssuedBy);
            },
            _ => custody,
            cancellationToken);
        return key with { Id = id, Digest = keyDigest };
    }

    public async Task<StationKey?> FindByDigestAsync(string keyDigest, CancellationToken cancellationToken) =>
        (await database.QueryAsync(Select + " WHERE key_sha256 = @digest", p => p.AddWithValue("@digest", keyDigest), Read, cancellationToken)).SingleOrDefault();

    public Task<IReadOnlyList<StationKey>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync(Select + " ORDER BY id DESC", _ => { }, Read, cancellationToken);

    public Task TouchAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            (connection, transaction) => CatalogDatabase.ExecuteAsync(connection, transaction, "UPDATE station_keys SET last_used_at = @at WHERE id = @id", p => Bind(p, id, at), cancellationToken),
            cancellationToken);

    public Task RevokeAsync(long id, DateTimeOffset at, string by, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.WriteWithCustodyAsync(
            "UPDATE station_keys SET revoked_at = @at, revoked_by = @by WHERE id = @id AND revoked_at IS NULL",
            p =>
            {
                Bind(p, id, at);
                p.AddWithValue("@by", by);
            },
            custody,
            cancellationToken);

    private static void Bind(DbParameterCollection p, long id, DateTimeOffset at)
    {
        p.AddWithValue("@id", id);
        p.AddWithValue("@at", RecordingRows.Time(at));
    }

    private static StationKey Read(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        StationName.Parse(r.GetString(2)),
        UserName.Parse(r.GetString(3)),
        RecordingRows.ParseTime(r.GetString(4)),
        r.GetString(5),
        RecordingRows.OptionalTime(r, 6),
        RecordingRows.OptionalTime(r, 7),
        r.IsDBNull(8) ? null : r.GetString(8))
    {
        Seal = r.IsDBNull(9) ? null : r.GetString(9),
        Digest = r.GetString(10),
    };
}
