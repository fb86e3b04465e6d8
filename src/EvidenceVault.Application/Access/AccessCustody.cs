using System.Text.Json.Serialization;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Access;

/// <summary>A user added or changed, subject = the user name: the whole user as it is after the change.</summary>
public sealed record UserSavedDetails(string DisplayName, string? Department, IReadOnlyList<string> Roles, bool DepartmentHead, bool Senior, string? Officer, bool Active)
    : ICustodyDetails
{
    public static string Action => CustodyActions.UserSaved;

    public static UserSavedDetails Of(User user) => new(
        user.DisplayName,
        user.Department,
        [.. user.Roles.Select(AccessControl.Name).Order(StringComparer.Ordinal)],
        user.IsDepartmentHead,
        user.IsSenior,
        user.Officer?.Value,
        user.IsActive);
}

/// <summary>A user disabled: only the reason; the user is the last saved one, made inactive.</summary>
public sealed record UserDisabledDetails(string? Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.UserDisabled;
}

/// <summary>A refusal, with the grant that was offered when there was one.</summary>
public sealed record AccessDeniedDetails(string Reason, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Grant) : ICustodyDetails
{
    public static string Action => CustodyActions.AccessDenied;
}

/// <summary>
/// A list of evidence shown (subject = the list: <c>recordings</c>, <c>unfiled</c>, <c>retrievals</c>): the filter
/// asked for, the scope the user's access allowed, and how many rows went out.
/// </summary>
public sealed record EvidenceListedDetails(string Filter, string Scope, int Rows) : ICustodyDetails
{
    public static string Action => CustodyActions.EvidenceListed;
}
