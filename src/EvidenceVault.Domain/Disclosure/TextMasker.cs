using System.Text;

namespace EvidenceVault.Domain.Disclosure;

/// <summary>A text before and after masking, with what was hidden and what a person should look at.</summary>
public sealed record MaskedText(string Original, string Masked, IReadOnlyList<MaskedSpan> Spans, IReadOnlyList<SuspectNumber> Suspects);

/// <summary>
/// Applies masking rules in order. Where two rules claim overlapping text, the earlier rule wins (hand redactions
/// first, then names, IDs before bank cards), so one span is never masked twice into something unreadable.
/// </summary>
public sealed class TextMasker(IReadOnlyList<IMaskingRule> rules)
{
    public MaskedText Mask(string text)
    {
        var taken = new List<MaskedSpan>();
        foreach (var rule in rules)
        {
            foreach (var span in rule.Find(text))
            {
                if (!taken.Any(t => t.Start < span.End && span.Start < t.End))
                {
                    taken.Add(span);
                }
            }
        }

        taken.Sort((a, b) => a.Start.CompareTo(b.Start));
        var masked = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in taken)
        {
            masked.Append(text, at, span.Start - at).Append(span.Replacement);
            at = span.End;
        }

        masked.Append(text, at, text.Length - at);
        var suspects = rules.SelectMany(r => r.Suspects(text)).Where(s => !taken.Any(t => t.Start <= s.Start && s.Start + s.Length <= t.End)).ToList();
        return new MaskedText(text, masked.ToString(), taken, suspects);
    }
}
