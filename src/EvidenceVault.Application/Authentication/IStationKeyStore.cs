using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Authentication;

/// <summary>Station API keys, stored by the keyed digest of the key only (<see cref="CredentialBinding"/>).</summary>
public interface IStationKeyStore
{
    /// <summary>Stores a new key (its id is assigned) with its seal and custody entry; returns the key with its id.</summary>
    Task<StationKey> AddAsync(StationKey key, string keyDigest, CustodyEntry custody, CancellationToken cancellationToken);

    Task<StationKey?> FindByDigestAsync(string keyDigest, CancellationToken cancellationToken);

    /// <summary>Every key, revoked ones included, newest first.</summary>
    Task<IReadOnlyList<StationKey>> ListAsync(CancellationToken cancellationToken);

    Task TouchAsync(long id, DateTimeOffset at, CancellationToken cancellationToken);

    Task RevokeAsync(long id, DateTimeOffset at, string by, CustodyEntry custody, CancellationToken cancellationToken);
}
