namespace EvidenceVault.Application.PriorDisclosure;

/// <summary>An edit that changes nothing, or a publish with nothing new to publish.</summary>
public sealed class PriorDisclosureRuleException(string message) : Exception(message);

/// <summary>Another edit stored the same version number first; reload and edit again.</summary>
public sealed class PriorDisclosureConflictException(long version) : Exception($"Version {version} of the 事前公开 data was stored by another edit meanwhile; reload and edit again.");

/// <summary>An import file that does not parse or breaks a rule; nothing of it was stored. Each problem names its section, item and field.</summary>
public sealed class PriorDisclosureImportException(IReadOnlyList<string> problems) : Exception("The import was refused, nothing changed: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
