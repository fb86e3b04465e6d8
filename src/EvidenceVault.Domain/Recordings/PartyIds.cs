using System.Text;
using EvidenceVault.Domain.Text;

namespace EvidenceVault.Domain.Recordings;

/// <summary>A recorder's identity (serial number or vendor device id).</summary>
public readonly record struct DeviceId
{
    private DeviceId(string value) => Value = value;

    public string Value { get; }

    public static DeviceId Parse(string value) => new(Identifier.Validate(value, "device id"));

    public override string ToString() => Value;
}

/// <summary>An officer's identity (警号, or a vendor user id).</summary>
public readonly record struct OfficerId
{
    private OfficerId(string value) => Value = value;

    public string Value { get; }

    public static OfficerId Parse(string value) => new(Identifier.Validate(value, "officer id"));

    public override string ToString() => Value;
}

/// <summary>The one check every identifier value object makes (case numbers, users, officers, devices, stations).</summary>
internal static class Identifier
{
    public const int MaxLength = 64;

    public static string Validate(string value, string what, int maxLength = MaxLength)
    {
        // Refused before normalising: Normalize throws on unpaired surrogates, and a hidden character would make
        // two identifiers that look the same compare different.
        if (HiddenCharacters.TryFindFirst(value, out var codePoint, out var kind))
        {
            throw new FormatException(
                $"'{HiddenCharacters.Escape(value)}' is not a valid {what}: it contains {codePoint} ({kind}); identifiers take printable characters only.");
        }

        // NFC, so that é typed as one code point or as e + combining accent is one identifier.
        var trimmed = value.Normalize(NormalizationForm.FormC).Trim();
        if (trimmed.Length == 0 || trimmed.Length > maxLength)
        {
            throw new FormatException($"'{value}' is not a valid {what}: 1 to {maxLength} printable characters.");
        }

        return trimmed;
    }
}
