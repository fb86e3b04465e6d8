using System.Text;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Ingestion;

/// <summary>What the first bytes of a file say it is.</summary>
public sealed record DetectedContent(string Format, RecordingKind Kind)
{
    public static readonly DetectedContent Unknown = new("unknown", RecordingKind.Other);

    public bool IsKnown => Format != Unknown.Format;
}

/// <summary>Decides a file's format from its leading bytes (magic numbers), never from its name.</summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> wants to see.</summary>
    public const int HeaderLength = 4096;

    public static DetectedContent Sniff(ReadOnlySpan<byte> header)
    {
        return SniffMedia(header) ?? SniffDocument(header) ?? SniffText(header);
    }

    private static DetectedContent? SniffMedia(ReadOnlySpan<byte> h)
    {
        if (h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(h[8..12]);
            return brand switch
            {
                "M4A " or "M4B " or "F4A " => new DetectedContent("m4a", RecordingKind.Audio),
                "heic" or "heix" or "mif1" or "msf1" or "avif" => new DetectedContent("heif", RecordingKind.Photo),
                "qt  " => new DetectedContent("mov", RecordingKind.Video),
                _ when brand.StartsWith("3g", StringComparison.Ordinal) => new DetectedContent("3gp", RecordingKind.Video),
                _ => new DetectedContent("mp4", RecordingKind.Video),
            };
        }

        if (h.Length >= 12 && h[..4].SequenceEqual("RIFF"u8))
        {
            var form = h[8..12];
            if (form.SequenceEqual("AVI "u8))
            {
                return new DetectedContent("avi", RecordingKind.Video);
            }

            if (form.SequenceEqual("WAVE"u8))
            {
                return new DetectedContent("wav", RecordingKind.Audio);
            }

            if (form.SequenceEqual("WEBP"u8))
            {
                return new DetectedContent("webp", RecordingKind.Photo);
            }
        }

        return h switch
        {
            [0x1A, 0x45, 0xDF, 0xA3, ..] => new DetectedContent("matroska", RecordingKind.Video),
            [0x46, 0x4C, 0x56, 0x01, ..] => new DetectedContent("flv", RecordingKind.Video),
            [0x00, 0x00, 0x01, 0xBA, ..] => new DetectedContent("mpeg-ps", RecordingKind.Video),
            [0x47, ..] when IsTransportStream(h) => new DetectedContent("mpeg-ts", RecordingKind.Video),
            [0xFF, 0xD8, 0xFF, ..] => new DetectedContent("jpeg", RecordingKind.Photo),
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => new DetectedContent("png", RecordingKind.Photo),
            [0x47, 0x49, 0x46, 0x38, ..] => new DetectedContent("gif", RecordingKind.Photo),
            [0x42, 0x4D, _, _, _, _, 0, 0, 0, 0, ..] => new DetectedContent("bmp", RecordingKind.Photo),
            [0x49, 0x49, 0x2A, 0x00, ..] or [0x4D, 0x4D, 0x00, 0x2A, ..] => new DetectedContent("tiff", RecordingKind.Photo),
            [0x49, 0x44, 0x33, ..] => new DetectedContent("mp3", RecordingKind.Audio),
            [0xFF, var b, ..] when (b & 0xF6) == 0xF0 => new DetectedContent("aac", RecordingKind.Audio),
            [0xFF, var b, ..] when (b & 0xE0) == 0xE0 => new DetectedContent("mp3", RecordingKind.Audio),
            [0x23, 0x21, 0x41, 0x4D, 0x52, ..] => new DetectedContent("amr", RecordingKind.Audio),
            [0x66, 0x4C, 0x61, 0x43, ..] => new DetectedContent("flac", RecordingKind.Audio),
            [0x4F, 0x67, 0x67, 0x53, ..] => new DetectedContent("ogg", RecordingKind.Audio),
            _ => null,
        };
    }

    private static DetectedContent? SniffDocument(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith("%PDF-"u8))
        {
            return new DetectedContent("pdf", RecordingKind.Text);
        }

        if (h.StartsWith("PK\u0003\u0004"u8))
        {
            // Office Open XML files are zip archives whose first entries name their parts.
            var isOffice = h.IndexOf("[Content_Types].xml"u8) >= 0 || h.IndexOf("word/"u8) >= 0
                || h.IndexOf("xl/"u8) >= 0 || h.IndexOf("ppt/"u8) >= 0;
            return isOffice ? new DetectedContent("office", RecordingKind.Text) : new DetectedContent("zip", RecordingKind.Other);
        }

        if (h.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return new DetectedContent("office-legacy", RecordingKind.Text);
        }

        return h.StartsWith("{\\rtf"u8) ? new DetectedContent("rtf", RecordingKind.Text) : null;
    }

    private static DetectedContent SniffText(ReadOnlySpan<byte> h)
    {
        if (h.IsEmpty || h.Contains((byte)0))
        {
            return DetectedContent.Unknown;
        }

        var probe = h.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? h[3..] : h;
        var printable = 0;
        foreach (var b in probe)
        {
            if (b >= 0x20 || b is (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                printable++;
            }
        }

        // Allow a multi-byte UTF-8 (or GB18030) sequence cut at the end of the header.
        return printable >= probe.Length * 0.95 && IsMostlyValidUtf8OrGb(probe)
            ? new DetectedContent("text", RecordingKind.Text)
            : DetectedContent.Unknown;
    }

    private static bool IsMostlyValidUtf8OrGb(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes) || (bytes.Length > 4 && System.Text.Unicode.Utf8.IsValid(bytes[..^4]) && IsCutSequenceTail(bytes[^4..])))
        {
            return true;
        }

        // GB18030/GBK text (common on Chinese devices): high bytes come in lead/trail pairs.
        var high = 0;
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                high++;
            }
        }

        return high % 2 == 0 || bytes.Length == HeaderLength;
    }

    private static bool IsCutSequenceTail(ReadOnlySpan<byte> tail) => tail.IndexOfAnyInRange((byte)0xC0, (byte)0xFF) >= 0;

    private static bool IsTransportStream(ReadOnlySpan<byte> h) =>
        h.Length >= 188 * 3 && h[188] == 0x47 && h[376] == 0x47;
}
