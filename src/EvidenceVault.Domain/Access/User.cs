using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Access;

/// <summary>
/// A person who may act on the catalog: roles say what they do, the department and the leadership flags say
/// which retrievals they may approve, and the officer number links them to their own recordings.
/// </summary>
public sealed record User(
    UserName Name,
    string DisplayName,
    string? Department,
    IReadOnlySet<Role> Roles,
    bool IsDepartmentHead,
    bool IsSenior,
    OfficerId? Officer,
    bool IsActive)
{
    /// <summary>True when the user is active and holds the role; a disabled user holds nothing.</summary>
    public bool Has(Role role) => IsActive && Roles.Contains(role);

    /// <summary>True when the recording was made by this user as an officer.</summary>
    public bool Owns(OfficerId? recordingOfficer) => IsActive && Officer is { } own && recordingOfficer == own;

    /// <summary>Throws a <see cref="FormatException"/> naming the first thing that makes this user unusable.</summary>
    public void EnsureValid()
    {
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            throw new FormatException($"User {Name} needs a display name.");
        }

        if (Roles.Count == 0)
        {
            throw new FormatException($"User {Name} needs at least one role (officer, archivist, reviewer, administrator).");
        }

        if (IsDepartmentHead && string.IsNullOrWhiteSpace(Department))
        {
            throw new FormatException($"User {Name} is marked department head but has no department.");
        }
    }
}
