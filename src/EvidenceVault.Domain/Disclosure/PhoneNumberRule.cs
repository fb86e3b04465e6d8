using System.Text.RegularExpressions;

namespace EvidenceVault.Domain.Disclosure;

/// <summary>
/// Mobile numbers (11 digits from 13x to 19x, with an optional +86) keep their first three and last four digits, as
/// practice in published decisions has it; fixed-line numbers (area code 0xx or 0xxx, 7 or 8 digits, an optional
/// extension) keep only the area code, which names no more than the city.
/// </summary>
public sealed partial class PhoneNumberRule : IMaskingRule
{
    public IEnumerable<MaskedSpan> Find(string text)
    {
        foreach (Match match in Mobile().Matches(text))
        {
            var digits = match.Groups["number"];
            yield return new MaskedSpan(digits.Index, digits.Length, MaskKind.Phone, digits.Value[..3] + "****" + digits.Value[^4..]);
        }

        foreach (Match match in Fixed().Matches(text))
        {
            var local = match.Groups["local"];
            var start = local.Index;
            yield return new MaskedSpan(start, match.Index + match.Length - start, MaskKind.Phone, new string('*', match.Index + match.Length - start));
        }
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\+?86[- ]?)?(?<number>1[3-9]\d{9})(?![0-9A-Za-z])")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\(0\d{2,3}\)|0\d{2,3}-)(?<local>\d{7,8})(?:(?:-|转)\d{1,6})?(?![0-9A-Za-z])")]
    private static partial Regex Fixed();
}
