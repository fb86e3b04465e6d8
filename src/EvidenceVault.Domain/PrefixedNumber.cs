using System.Globalization;

namespace EvidenceVault.Domain;

/// <summary>The one reading of numbers written with a prefix (<c>R-12</c>, <c>D-3</c>); the prefix is optional on input.</summary>
internal static class PrefixedNumber
{
    public static long Parse(string text, string prefix, string what)
    {
        var digits = text.Trim();
        digits = digits.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? digits[prefix.Length..] : digits;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"'{text}' is not {what} ({prefix}<n>).");
    }

    public static string Format(string prefix, long value) => prefix + value.ToString(CultureInfo.InvariantCulture);
}
