using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Access;

/// <summary>
/// Who the actor is as a user, and the one place refusals are written to the custody log. While the catalog
/// has no users access control is off; nothing is cached, so a user disabled a moment ago is refused at once.
/// </summary>
public sealed class AccessControl(IUserStore users, IActorContext actor, ICustodyLog log, CustodyEntries custody)
{
    /// <summary>The acting user, or null when access control is off; refuses unknown and disabled actors.</summary>
    public async Task<User?> ActingUserAsync(CancellationToken cancellationToken)
    {
        if (!await users.AnyAsync(cancellationToken))
        {
            return null;
        }

        var user = await FindActorAsync(cancellationToken)
            ?? throw await DenyAsync(actor.ActingUser, $"'{actor.ActingUser}' is not a user of this catalog; an administrator adds users (`users add`).", null, cancellationToken);
        return user.IsActive ? user : throw await DenyAsync(actor.ActingUser, $"User {user.Name} is disabled and has no access.", null, cancellationToken);
    }

    /// <summary>The acting user, for use cases that only make sense between users (retrieval approval).</summary>
    public async Task<User> RequireUserAsync(string what, CancellationToken cancellationToken) =>
        await ActingUserAsync(cancellationToken)
        ?? throw await DenyAsync(actor.ActingUser, $"{what} needs users, and access control is off until an administrator adds the first user (`users add`).", null, cancellationToken);

    /// <summary>Refuses unless the acting user holds one of the roles (or access control is off).</summary>
    public async Task RequireRoleAsync(IReadOnlyCollection<Role> roles, string what, CancellationToken cancellationToken)
    {
        var user = await ActingUserAsync(cancellationToken);
        if (user is not null && !roles.Any(user.Has))
        {
            var held = user.Roles.Count == 0 ? "none" : string.Join(", ", user.Roles.Select(Name));
            throw await DenyAsync(actor.ActingUser, $"{what} needs the role {string.Join(" or ", roles.Select(Name))}; user {user.Name} has {held}.", null, cancellationToken);
        }
    }

    /// <summary>Logs the refusal (<c>access.denied</c>) and returns the exception for the caller to throw.</summary>
    public async Task<AccessDeniedException> DenyAsync(string subject, string reason, RetrievalId? grant, CancellationToken cancellationToken)
    {
        await log.AppendAsync(custody.Entry(subject, new AccessDeniedDetails(reason, grant?.ToString())), cancellationToken);
        return new AccessDeniedException(reason);
    }

    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    private async Task<User?> FindActorAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await users.FindAsync(UserName.Parse(actor.ActingUser), cancellationToken);
        }
        catch (FormatException)
        {
            // An actor string that cannot be a user name (too long, control characters) is simply no user.
            return null;
        }
    }
}
