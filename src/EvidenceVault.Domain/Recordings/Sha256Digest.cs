namespace EvidenceVault.Domain.Recordings;

/// <summary>A SHA-256 digest as 64 lowercase hex characters; the vault's content address.</summary>
public readonly record struct Sha256Digest
{
    private Sha256Digest(string hex) => Hex = hex;

    public string Hex { get; }

    public static Sha256Digest FromBytes(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException($"A SHA-256 digest has 32 bytes, not {digest.Length}.", nameof(digest));
        }

        return new Sha256Digest(Convert.ToHexStringLower(digest));
    }

    public static Sha256Digest Parse(string hex) =>
        TryParse(hex, out var digest) ? digest : throw new FormatException($"'{hex}' is not a SHA-256 digest (64 hex characters).");

    public static bool TryParse(string? hex, out Sha256Digest digest)
    {
        digest = default;
        if (hex is null || hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        digest = new Sha256Digest(hex.ToLowerInvariant());
        return true;
    }

    public override string ToString() => Hex;
}
