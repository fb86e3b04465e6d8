namespace EvidenceVault.Domain.Inspections;

/// <summary>A random-inspection task's number (双随机抽查任务), written <c>IT-4</c>.</summary>
public readonly record struct InspectionTaskId
{
    private const string Prefix = "IT-";

    public InspectionTaskId(long value) =>
        Value = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "An inspection task number is positive.");

    public long Value { get; }

    /// <summary>Accepts <c>IT-4</c> or <c>4</c>.</summary>
    public static InspectionTaskId Parse(string text) => new(PrefixedNumber.Parse(text, Prefix, "an inspection task number"));

    public override string ToString() => PrefixedNumber.Format(Prefix, Value);
}
