using System.Text.RegularExpressions;

namespace EvidenceVault.Domain.Disclosure;

/// <summary>
/// Bank card numbers: 13 to 19 digits, written whole or in groups of four, that pass the Luhn check. Only the last
/// four digits stay visible. Runs after <see cref="ResidentIdRule"/>, so an ID number that happens to pass Luhn is
/// masked as an ID.
/// </summary>
public sealed partial class BankCardRule : IMaskingRule
{
    public IEnumerable<MaskedSpan> Find(string text)
    {
        foreach (Match match in Candidate().Matches(text))
        {
            var digits = match.Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (digits.Length is >= 13 and <= 19 && PassesLuhn(digits))
            {
                yield return new MaskedSpan(match.Index, match.Length, MaskKind.BankCard, KeepLastFourDigits(match.Value));
            }
        }
    }

    /// <summary>The Luhn (ISO/IEC 7812) check over a string of digits.</summary>
    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
        }

        return sum % 10 == 0;
    }

    // Spaces between groups stay, so the masked number reads like the original.
    private static string KeepLastFourDigits(string number)
    {
        var masked = number.ToCharArray();
        var digitsSeen = 0;
        for (var i = masked.Length - 1; i >= 0; i--)
        {
            if (char.IsAsciiDigit(masked[i]) && ++digitsSeen > 4)
            {
                masked[i] = '*';
            }
        }

        return new string(masked);
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\d{4}(?: \d{4}){2,3}(?: \d{1,3})?|\d{13,19})(?![0-9A-Za-z])")]
    private static partial Regex Candidate();
}
