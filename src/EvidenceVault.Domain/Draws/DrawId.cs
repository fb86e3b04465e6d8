namespace EvidenceVault.Domain.Draws;

/// <summary>A draw's number, written <c>D-12</c>.</summary>
public readonly record struct DrawId
{
    private const string Prefix = "D-";

    public DrawId(long value) =>
        Value = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "A draw number is positive.");

    public long Value { get; }

    /// <summary>Accepts <c>D-12</c> or <c>12</c>.</summary>
    public static DrawId Parse(string text) => new(PrefixedNumber.Parse(text, Prefix, "a draw number"));

    public override string ToString() => PrefixedNumber.Format(Prefix, Value);
}
