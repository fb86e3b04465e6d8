namespace EvidenceVault.Application.PriorDisclosure;

/// <summary>Limits of the 事前公开 staff pages, bound from the <c>PriorDisclosure</c> section.</summary>
public sealed class PriorDisclosureOptions
{
    public const string SectionName = "PriorDisclosure";

    /// <summary>
    /// The largest import file the web page accepts; a whole agency's data is a few hundred KiB at most. Kept under the
    /// host's request body limit (<c>ApiLimits.MaxBodyBytes</c>, 1 MiB), so a file too large is refused by the page with its reason.
    /// </summary>
    public long MaxImportBytes { get; set; } = 512 * 1024;
}
