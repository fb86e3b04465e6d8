namespace EvidenceVault.Domain.Redaction;

/// <summary>A redacted copy's number, written <c>RD-3</c>: how a copy is asked for, exported and found in the ledger.</summary>
public readonly record struct RedactionId
{
    private const string Prefix = "RD-";

    public RedactionId(long value) =>
        Value = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "A redaction number is positive.");

    public long Value { get; }

    /// <summary>Accepts <c>RD-3</c> or <c>3</c>.</summary>
    public static RedactionId Parse(string text) => new(PrefixedNumber.Parse(text, Prefix, "a redacted copy's number"));

    public override string ToString() => PrefixedNumber.Format(Prefix, Value);
}
