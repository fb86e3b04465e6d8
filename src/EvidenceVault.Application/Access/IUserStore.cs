using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Access;

/// <summary>The users of this catalog; every change carries its custody entry in the same transaction.</summary>
public interface IUserStore
{
    /// <summary>Adds or replaces a user.</summary>
    Task SaveAsync(User user, CustodyEntry custody, CancellationToken cancellationToken);

    Task<User?> FindAsync(UserName name, CancellationToken cancellationToken);

    Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken);

    /// <summary>False while the catalog has no users: access control is off (single-operator station mode).</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken);
}
