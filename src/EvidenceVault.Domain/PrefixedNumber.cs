using System.Globalization;

namespace EvidenceVault.Domain;

/// <summary>Numbers written with a prefix, such as <c>R-12</c> or <c>RD-3</c>: one reading for every numbered id.</summary>
internal static class PrefixedNumber
{
    /// <summary>Reads <c>&lt;prefix&gt;&lt;n&gt;</c> or a bare <c>&lt;n&gt;</c> (prefix case-insensitive, surrounding space ignored); n is positive.</summary>
    public static bool TryParse(string text, string prefix, out long value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.Trim();
        digits = digits.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? digits[prefix.Length..] : digits;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
    }

    public static string Format(string prefix, long value) => prefix + value.ToString(CultureInfo.InvariantCulture);
}
