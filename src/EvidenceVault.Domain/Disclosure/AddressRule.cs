using System.Text.RegularExpressions;

namespace EvidenceVault.Domain.Disclosure;

/// <summary>
/// Addresses are kept down to the district (区/县/旗, or a county-level 市) and hidden below it. It finds addresses
/// given to it (the party's address field) anywhere in the text, and, when <paramref name="labelled"/> is set (a natural
/// person's decision), any text after 住址/地址/住所/居住地/户籍地 up to the next punctuation.
/// </summary>
public sealed partial class AddressRule(IEnumerable<string> known, bool labelled) : IMaskingRule
{
    private const string Hidden = "***";
    private readonly string[] _known = [.. known.Select(a => a.Trim()).Where(a => a.Length >= 4).Distinct(StringComparer.Ordinal)];

    public IEnumerable<MaskedSpan> Find(string text)
    {
        foreach (var address in _known)
        {
            for (var at = text.IndexOf(address, StringComparison.Ordinal); at >= 0; at = text.IndexOf(address, at + address.Length, StringComparison.Ordinal))
            {
                if (Masked(address, at) is { } span)
                {
                    yield return span;
                }
            }
        }

        if (!labelled)
        {
            yield break;
        }

        foreach (Match match in Labelled().Matches(text))
        {
            var address = match.Groups["address"];
            if (Masked(address.Value, address.Index) is { } span)
            {
                yield return span;
            }
        }
    }

    /// <summary>The span below district level, or the whole address when no district can be told.</summary>
    public static MaskedSpan? Masked(string address, int start)
    {
        var district = District().Match(address);
        var keep = district.Success ? district.Length : 0;
        return keep == address.Length ? null : new MaskedSpan(start + keep, address.Length - keep, MaskKind.Address, Hidden);
    }

    // Province (省/自治区, or a municipality), prefecture (市/州/地区/盟), then the county level; each level optional but
    // the last, and short, so a street name ending in 市 (e.g. 菜市口) further on is not taken for a level.
    [GeneratedRegex(@"^(?:[\p{IsCJKUnifiedIdeographs}]{2,7}?(?:省|自治区))?(?:[\p{IsCJKUnifiedIdeographs}]{2,9}?(?:市|自治州|地区|盟))?[\p{IsCJKUnifiedIdeographs}]{1,9}?(?:区|县|旗|市)")]
    private static partial Regex District();

    [GeneratedRegex(@"(?:住址|地址|住所|居住地|户籍地|现住)(?:为|是|在|：|:)?\s*(?<address>[^，。；;,、\s（）()]{4,60})")]
    private static partial Regex Labelled();
}
