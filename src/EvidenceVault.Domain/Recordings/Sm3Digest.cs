namespace EvidenceVault.Domain.Recordings;

/// <summary>An SM3 digest (GB/T 32905) as 64 lowercase hex characters.</summary>
public readonly record struct Sm3Digest
{
    private Sm3Digest(string hex) => Hex = hex;

    public string Hex { get; }

    public static Sm3Digest FromBytes(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != 32)
        {
            throw new ArgumentException($"An SM3 digest has 32 bytes, not {digest.Length}.", nameof(digest));
        }

        return new Sm3Digest(Convert.ToHexStringLower(digest));
    }

    public static Sm3Digest Parse(string hex) =>
        hex.Length == 64 && hex.All(char.IsAsciiHexDigit)
            ? new Sm3Digest(hex.ToLowerInvariant())
            : throw new FormatException($"'{hex}' is not an SM3 digest (64 hex characters).");

    public override string ToString() => Hex;
}
