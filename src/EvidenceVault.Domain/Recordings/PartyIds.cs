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

internal static class Identifier
{
    public const int MaxLength = 64;

    public static string Validate(string value, string what)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxLength || trimmed.Any(char.IsControl))
        {
            throw new FormatException($"'{value}' is not a valid {what}: 1 to {MaxLength} printable characters.");
        }

        return trimmed;
    }
}
