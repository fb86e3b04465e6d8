using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Cases;

/// <summary>An enforcement case number (案件编号) as the agency writes it, e.g. 市监罚〔2025〕12号.</summary>
public readonly record struct CaseNumber
{
    public const int MaxLength = 64;

    private CaseNumber(string value) => Value = value;

    public string Value { get; }

    public static CaseNumber Parse(string value) => new(Identifier.Validate(value, "case number", MaxLength));

    public override string ToString() => Value;
}
