namespace EvidenceVault.Domain.Access;

/// <summary>Rules about the set of users as a whole.</summary>
public static class UserRules
{
    /// <summary>
    /// Once the catalog has users it must keep an active administrator, or nobody could manage users again:
    /// the first user must be one, and the last one can be neither disabled nor demoted.
    /// </summary>
    public static void EnsureAdministratorRemains(IReadOnlyCollection<User> users, User changed)
    {
        var after = users.Where(u => u.Name != changed.Name).Append(changed);
        if (!after.Any(u => u.Has(Role.Administrator)))
        {
            throw new AccessRuleException(users.Count == 0
                ? $"The first user must be an administrator (--role administrator); {changed.Name} is not."
                : $"This change would leave no active administrator; make another user an administrator first.");
        }
    }
}

/// <summary>A change the user or retrieval rules forbid (as opposed to a refused permission).</summary>
public sealed class AccessRuleException(string message) : Exception(message);
