namespace EvidenceVault.Domain.Requests;

/// <summary>
/// An information request's reference (依申请公开), written <c>YSQ-12</c>: one counter for all years, read by the same parser as
/// <c>R-12</c> and <c>D-3</c>; the acknowledgement gives the receipt date beside it, so the year needs no place in the number.
/// </summary>
public readonly record struct InformationRequestId
{
    private const string Prefix = "YSQ-";

    public InformationRequestId(long value) =>
        Value = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "An information request number is positive.");

    public long Value { get; }

    /// <summary>Accepts <c>YSQ-12</c> or <c>12</c>.</summary>
    public static InformationRequestId Parse(string text) => new(PrefixedNumber.Parse(text, Prefix, "an information request reference"));

    public override string ToString() => PrefixedNumber.Format(Prefix, Value);
}
