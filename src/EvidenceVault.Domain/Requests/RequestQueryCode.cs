using System.Security.Cryptography;
using System.Text;

namespace EvidenceVault.Domain.Requests;

/// <summary>
/// The 查询码 an applicant gets once, beside the reference, to look the request's progress up on the public site. Only
/// SHA-256(reference ‖ code) is stored, so neither the catalog nor the ledger can give the code back. Eight characters from an
/// alphabet without look-alikes (no 0/O, 1/I/L) give 31^8 ≈ 8.5 × 10^11 codes per reference, and the lookup is rate limited.
/// </summary>
public readonly record struct RequestQueryCode
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 8;

    private RequestQueryCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>A fresh code from the operating system's cryptographic generator.</summary>
    public static RequestQueryCode New() => new(RandomNumberGenerator.GetString(Alphabet, Length));

    /// <summary>Reads a code as typed: case and spaces or dashes between groups do not matter.</summary>
    public static bool TryParse(string? text, out RequestQueryCode code)
    {
        var value = new string((text ?? string.Empty).Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
        code = new RequestQueryCode(value);
        return value.Length == Length && value.All(Alphabet.Contains);
    }

    /// <summary>The stored lookup key: hex SHA-256 of the reference and the code, with a separator so no two pairs run together.</summary>
    public string LookupHash(InformationRequestId reference) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{reference}\n{Value}")));

    public override string ToString() => Value;
}
