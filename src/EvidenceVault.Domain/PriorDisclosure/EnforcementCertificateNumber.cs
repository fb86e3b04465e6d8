namespace EvidenceVault.Domain.PriorDisclosure;

/// <summary>
/// A 执法证件号码 as the provinces issue them: a two-digit province code (GB/T 2260) and then 6 to 18 digits or capital
/// letters. Province formats differ beyond that, so the check stops at what all of them share.
/// </summary>
public sealed record EnforcementCertificateNumber
{
    private static readonly int[] Provinces = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];

    private EnforcementCertificateNumber(string value) => Value = value;

    public string Value { get; }

    public static EnforcementCertificateNumber Parse(string text)
    {
        var value = text.Trim();
        if (value.Length is < 8 or > 20 || !value.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
        {
            throw new FormatException($"执法证件号码 '{text}' must be 8 to 20 digits or capital letters.");
        }

        if (!char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(value[1]) || !Provinces.Contains(((value[0] - '0') * 10) + value[1] - '0'))
        {
            throw new FormatException($"执法证件号码 '{text}' must start with a province code (11-65), not '{value[..2]}'.");
        }

        return new EnforcementCertificateNumber(value);
    }

    public override string ToString() => Value;
}
