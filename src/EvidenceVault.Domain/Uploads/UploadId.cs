namespace EvidenceVault.Domain.Uploads;

/// <summary>A resumable upload's id: 32 lowercase hex characters, random, so upload URLs cannot be guessed.</summary>
public readonly record struct UploadId
{
    public const int Length = 32;

    private UploadId(string value) => Value = value;

    public string Value { get; }

    public static UploadId New() => new(Guid.NewGuid().ToString("N"));

    public static bool TryParse(string? value, out UploadId id)
    {
        id = default;
        if (value is null || value.Length != Length || !value.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        id = new UploadId(value.ToLowerInvariant());
        return true;
    }

    public override string ToString() => Value;
}
