using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Access;

/// <summary>Lookups every user use case needs.</summary>
public static class UserStoreExtensions
{
    /// <summary>The user, or a clear error naming the user when there is none.</summary>
    public static async Task<User> RequireAsync(this IUserStore users, UserName name, CancellationToken cancellationToken) =>
        await users.FindAsync(name, cancellationToken) ?? throw new NotFoundException($"No user is named {name}.");

    /// <summary>The officer numbers of the department's users: whom a department head leads.</summary>
    public static async Task<IReadOnlySet<OfficerId>> OfficersOfAsync(this IUserStore users, string? department, CancellationToken cancellationToken) =>
        department is null
            ? new HashSet<OfficerId>()
            : (await users.ListAsync(cancellationToken))
                .Where(u => string.Equals(u.Department, department, StringComparison.Ordinal))
                .Select(u => u.Officer)
                .OfType<OfficerId>()
                .ToHashSet();
}
