namespace EvidenceVault.Domain.Access;

/// <summary>
/// A retrieval request's number, written <c>R-12</c>; once approved the request is the grant and keeps the
/// same number, so a grant always leads back to its request, purpose and approver.
/// </summary>
public readonly record struct RetrievalId
{
    private const string Prefix = "R-";

    public RetrievalId(long value) =>
        Value = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "A retrieval number is positive.");

    public long Value { get; }

    /// <summary>Accepts <c>R-12</c> or <c>12</c>.</summary>
    public static RetrievalId Parse(string text) =>
        PrefixedNumber.TryParse(text, Prefix, out var value)
            ? new RetrievalId(value)
            : throw new FormatException($"'{text}' is not a retrieval request or grant number (R-<n>).");

    public override string ToString() => PrefixedNumber.Format(Prefix, Value);
}
