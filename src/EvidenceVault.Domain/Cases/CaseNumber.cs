namespace EvidenceVault.Domain.Cases;

/// <summary>An enforcement case number (案件编号) as the agency writes it, e.g. 市监罚〔2025〕12号.</summary>
public readonly record struct CaseNumber
{
    public const int MaxLength = 64;

    private CaseNumber(string value) => Value = value;

    public string Value { get; }

    public static CaseNumber Parse(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxLength || trimmed.Any(char.IsControl))
        {
            throw new FormatException($"'{value}' is not a valid case number: 1 to {MaxLength} printable characters.");
        }

        return new CaseNumber(trimmed);
    }

    public override string ToString() => Value;
}
