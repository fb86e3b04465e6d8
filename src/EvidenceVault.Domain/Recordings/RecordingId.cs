namespace EvidenceVault.Domain.Recordings;

/// <summary>
/// A recording's id, derived from its content (the first 20 hex characters of its SHA-256), so the
/// same bytes always get the same id and a rerun can never create a second recording.
/// </summary>
public readonly record struct RecordingId
{
    public const int Length = 20;

    private RecordingId(string value) => Value = value;

    public string Value { get; }

    public static RecordingId For(Sha256Digest digest) => new(digest.Hex[..Length]);

    public static bool TryParse(string? value, out RecordingId id)
    {
        id = default;
        if (value is null || value.Length != Length || !value.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        id = new RecordingId(value.ToLowerInvariant());
        return true;
    }

    public static RecordingId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException($"'{value}' is not a recording id ({Length} hex characters).");

    public override string ToString() => Value;
}
