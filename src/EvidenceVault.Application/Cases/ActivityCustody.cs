using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// The custody details of an activity as added or changed: the whole row with its id, so that <c>audit verify</c>
/// can compare every activity row with the last entry written for it.
/// </summary>
public static class ActivityCustody
{
    public static object Details(CaseActivity a) => new
    {
        activityId = a.Id,
        stage = a.Stage.ToString(),
        type = a.ActivityType,
        officers = a.Officers.Select(o => o.Value),
        start = a.Start,
        end = a.End,
        place = a.Place,
    };
}
