using System.Globalization;

namespace EvidenceVault.Domain.Redaction;

/// <summary>A redacted copy's number, written <c>RD-3</c>: how a copy is asked for, exported and found in the ledger.</summary>
public readonly record struct RedactionId
{
    private const string Prefix = "RD-";

    public RedactionId(long value) =>
        Value = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "A redaction number is positive.");

    public long Value { get; }

    /// <summary>Accepts <c>RD-3</c> or <c>3</c>.</summary>
    public static RedactionId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.Trim();
        digits = digits.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? digits[Prefix.Length..] : digits;
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? new RedactionId(value)
            : throw new FormatException($"'{text}' is not a redacted copy's number (RD-<n>).");
    }

    public override string ToString() => Prefix + Value.ToString(CultureInfo.InvariantCulture);
}
