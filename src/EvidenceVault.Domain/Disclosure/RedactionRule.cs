namespace EvidenceVault.Domain.Disclosure;

/// <summary>Free-text redaction on top of the rules: every occurrence of each phrase a person marked is blacked out.</summary>
public sealed class RedactionRule(IEnumerable<string> phrases) : IMaskingRule
{
    private readonly string[] _phrases = [.. phrases.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length)];

    public IEnumerable<MaskedSpan> Find(string text)
    {
        foreach (var phrase in _phrases)
        {
            for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
            {
                yield return new MaskedSpan(at, phrase.Length, MaskKind.Redaction, new string('■', phrase.Length));
            }
        }
    }
}
