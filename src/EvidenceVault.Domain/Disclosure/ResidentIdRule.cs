using System.Globalization;
using System.Text.RegularExpressions;

namespace EvidenceVault.Domain.Disclosure;

/// <summary>
/// Resident ID numbers (GB 11643-1999): 18 characters whose last is the ISO 7064 MOD 11-2 check character over the
/// first 17, or the legacy 15 digits (yyMMdd birth date, 19xx). The 6-digit region code stays visible (it names no
/// more than the district the address rule keeps); the birth date, sequence and check character are hidden.
/// </summary>
public sealed partial class ResidentIdRule : IMaskingRule
{
    private const int RegionDigits = 6;
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public IEnumerable<MaskedSpan> Find(string text)
    {
        foreach (Match match in Candidate().Matches(text))
        {
            if (TryReadBirthDate(match.Value, out _))
            {
                yield return new MaskedSpan(match.Index, match.Length, MaskKind.ResidentId, match.Value[..RegionDigits] + new string('*', match.Length - RegionDigits));
            }
        }
    }

    // An 18-character run that fails its check is not an ID: a unified social credit code (统一社会信用代码) of a legal
    // person is 18 characters too, and it is the 相对人代码 the 双公示 rules publish. Hiding every such run would hide
    // what must be shown; leaving it silently could leak a mistyped ID. So it stays, flagged for the approver.
    public IEnumerable<SuspectNumber> Suspects(string text)
    {
        foreach (Match match in Candidate().Matches(text))
        {
            if (match.Length == 18 && !TryReadBirthDate(match.Value, out _))
            {
                yield return new SuspectNumber(match.Index, match.Length, "18 位号码，但身份证校验位或出生日期不符：请人工判断是否遮蔽");
            }
        }
    }

    /// <summary>The check character GB 11643 gives the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>True, with the holder's birth date, when the text is a whole, valid resident ID number.</summary>
    public static bool TryReadBirthDate(string text, out DateOnly birthDate)
    {
        birthDate = default;
        var value = text.ToUpperInvariant();
        return value.Length switch
        {
            18 => !value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9')
                && CheckCharacter(value.AsSpan(0, 17)) == value[17]
                && DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate),
            15 => !value.AsSpan().ContainsAnyExceptInRange('0', '9')
                && DateOnly.TryParseExact(string.Concat("19", value.AsSpan(6, 6)), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate),
            _ => false,
        };
    }

    // Not inside a longer run of digits or letters (an order number, a URL), so a longer number is never cut in two.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\d{17}[0-9Xx]|\d{15})(?![0-9A-Za-z])")]
    private static partial Regex Candidate();
}
