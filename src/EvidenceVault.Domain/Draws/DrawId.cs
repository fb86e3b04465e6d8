using System.Globalization;

namespace EvidenceVault.Domain.Draws;

/// <summary>A draw's number, written <c>D-12</c>.</summary>
public readonly record struct DrawId
{
    private const string Prefix = "D-";

    public DrawId(long value) =>
        Value = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "A draw number is positive.");

    public long Value { get; }

    /// <summary>Accepts <c>D-12</c> or <c>12</c>.</summary>
    public static DrawId Parse(string text)
    {
        var digits = text.Trim();
        digits = digits.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? digits[Prefix.Length..] : digits;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? new DrawId(value)
            : throw new FormatException($"'{text}' is not a draw number (D-<n>).");
    }

    public override string ToString() => Prefix + Value.ToString(CultureInfo.InvariantCulture);
}
