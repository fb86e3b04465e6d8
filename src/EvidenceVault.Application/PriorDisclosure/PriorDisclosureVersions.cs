namespace EvidenceVault.Application.PriorDisclosure;

/// <summary>Names shared by the 事前公开 use cases, defined once.</summary>
public static class PriorDisclosureVersions
{
    /// <summary>The deadline a change opens: it must be on the site within 15 working days.</summary>
    public const string PublishDeadline = "prior-disclosure-publish";

    public static string Subject(long version) => $"prior-disclosure/v{version}";
}
