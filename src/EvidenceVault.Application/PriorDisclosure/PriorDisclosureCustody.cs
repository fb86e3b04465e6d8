using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.PriorDisclosure;

// The 事前公开 custody details, subject = the version (prior-disclosure/vN), so each version's trail shows its change and publication.

public sealed record PriorDisclosureChangedDetails(long Version, IReadOnlyList<string> Changes) : ICustodyDetails
{
    public static string Action => CustodyActions.PriorDisclosureChanged;
}

public sealed record PriorDisclosurePublishedDetails(long Version, long PublishedVersion, DateTimeOffset PublishedAt) : ICustodyDetails
{
    public static string Action => CustodyActions.PriorDisclosurePublished;
}
