using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Access;

/// <summary>Lookups every user use case needs.</summary>
public static class UserStoreExtensions
{
    /// <summary>The user, or a clear error naming the user when there is none.</summary>
    public static async Task<User> RequireAsync(this IUserStore users, UserName name, CancellationToken cancellationToken) =>
        await users.FindAsync(name, cancellationToken) ?? throw new NotFoundException($"No user is named {name}.");
}
