namespace EvidenceVault.Domain.Recordings;

/// <summary>The recorder's importance mark, 1 (routine) to 5 (most important).</summary>
public readonly record struct ImportanceMark
{
    private ImportanceMark(int value) => Value = value;

    public int Value { get; }

    public static ImportanceMark Parse(int value) =>
        value is >= 1 and <= 5 ? new ImportanceMark(value) : throw new FormatException($"Importance mark {value} is outside 1-5.");

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
