using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Access;

/// <summary>The custody details of a user change: the whole user as it is after the change.</summary>
public static class UserDetails
{
    public static object Of(User user) => new
    {
        displayName = user.DisplayName,
        department = user.Department,
        roles = user.Roles.Select(AccessControl.Name).Order(StringComparer.Ordinal).ToArray(),
        departmentHead = user.IsDepartmentHead,
        senior = user.IsSenior,
        officer = user.Officer?.Value,
        active = user.IsActive,
    };
}
