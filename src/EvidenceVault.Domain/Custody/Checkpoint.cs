using System.Globalization;
using System.Text;

namespace EvidenceVault.Domain.Custody;

/// <summary>
/// A statement of the custody log's size and Merkle root, in the C2SP tlog-checkpoint body form: origin, size, base64
/// root, then one extension line with the time it was cut. Signed as a C2SP signed note (<see cref="SignedCheckpoint"/>).
/// </summary>
public sealed record Checkpoint(string Origin, long Size, string RootHash, DateTimeOffset Time)
{
    private const string TimePrefix = "time ";

    public static Checkpoint Of(string origin, long size, byte[] root, DateTimeOffset time) =>
        new(origin, size, Convert.ToBase64String(root), time);

    public byte[] RootBytes() => Convert.FromBase64String(RootHash);

    /// <summary>The signed text: every line ends in a newline, as the format requires.</summary>
    public string Body() =>
        string.Create(CultureInfo.InvariantCulture, $"{Origin}\n{Size}\n{RootHash}\n{TimePrefix}{Time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");

    /// <summary>Parses a body; null when it is not one (never throws on hostile text).</summary>
    public static Checkpoint? ParseBody(string body)
    {
        if (!body.EndsWith('\n'))
        {
            return null;
        }

        var lines = body[..^1].Split('\n');
        if (lines.Length < 4 || lines[0].Length == 0
            || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || !IsRoot(lines[2]) || !lines[3].StartsWith(TimePrefix, StringComparison.Ordinal)
            || !DateTimeOffset.TryParseExact(lines[3][TimePrefix.Length..], "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return null;
        }

        return new Checkpoint(lines[0], size, lines[2], time);
    }

    private static bool IsRoot(string text)
    {
        Span<byte> root = stackalloc byte[MerkleTree.HashSize + 1];
        return Convert.TryFromBase64String(text, root, out var written) && written == MerkleTree.HashSize;
    }
}

/// <summary>One signature line of a signed note: the signer's name, the 4-byte key hash and the signature.</summary>
public sealed record NoteSignature(string Name, byte[] KeyHash, byte[] Signature)
{
    public const int KeyHashSize = 4;

    /// <summary>The C2SP key hash: the first four bytes of SHA-256(name || 0x0A || signature type || public key).</summary>
    public static byte[] KeyHashOf(string name, byte signatureType, ReadOnlySpan<byte> publicKey)
    {
        var input = new byte[Encoding.UTF8.GetByteCount(name) + 2 + publicKey.Length];
        var at = Encoding.UTF8.GetBytes(name, input);
        input[at++] = 0x0A;
        input[at++] = signatureType;
        publicKey.CopyTo(input.AsSpan(at));
        return System.Security.Cryptography.SHA256.HashData(input)[..KeyHashSize];
    }

    public string Line() => $"\u2014 {Name} {Convert.ToBase64String([.. KeyHash, .. Signature])}\n";
}

/// <summary>A checkpoint with its signature lines, as written to the vault: the C2SP signed-note text.</summary>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, IReadOnlyList<NoteSignature> Signatures)
{
    private const string SignaturePrefix = "\u2014 ";

    public string Format() => Checkpoint.Body() + "\n" + string.Concat(Signatures.Select(s => s.Line()));

    /// <summary>Parses a signed note; null when the text is not a well-formed signed checkpoint.</summary>
    public static SignedCheckpoint? Parse(string text)
    {
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !text.EndsWith('\n') || Checkpoint.ParseBody(text[..(split + 1)]) is not { } checkpoint)
        {
            return null;
        }

        var signatures = new List<NoteSignature>();
        foreach (var line in text[(split + 2)..^1].Split('\n'))
        {
            if (ParseSignature(line) is not { } signature)
            {
                return null;
            }

            signatures.Add(signature);
        }

        return signatures.Count == 0 ? null : new SignedCheckpoint(checkpoint, signatures);
    }

    private static NoteSignature? ParseSignature(string line)
    {
        if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = line[SignaturePrefix.Length..].Split(' ');
        if (parts.Length != 2 || parts[0].Length == 0)
        {
            return null;
        }

        var bytes = new byte[parts[1].Length];
        if (!Convert.TryFromBase64String(parts[1], bytes, out var written) || written <= NoteSignature.KeyHashSize)
        {
            return null;
        }

        return new NoteSignature(parts[0], bytes[..NoteSignature.KeyHashSize], bytes[NoteSignature.KeyHashSize..written]);
    }
}
