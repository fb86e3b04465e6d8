using System.Buffers.Binary;

namespace EvidenceVault.Application.Ingestion;

/// <summary>The result of walking an ISO base media file's top-level boxes.</summary>
public sealed record Mp4Inspection(bool IsComplete, string? Problem, DateTimeOffset? CreationTime);

/// <summary>
/// Walks the top-level boxes of an MP4/MOV file (a few seeks, no decoding) so that a truncated camera file
/// is caught at ingest, before any media tool runs, and reads the movie header's creation time.
/// </summary>
public static class Mp4Structure
{
    private static readonly DateTimeOffset Epoch1904 = new(1904, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Mp4Inspection Inspect(Stream file)
    {
        var length = file.Length;
        long position = 0;
        var hasMoov = false;
        var hasMdat = false;
        DateTimeOffset? created = null;
        Span<byte> head = stackalloc byte[16];
        while (position < length)
        {
            if (length - position < 8)
            {
                return new Mp4Inspection(false, $"{length - position} stray bytes after the last box at offset {position}.", created);
            }

            file.Position = position;
            file.ReadExactly(head[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(head);
            var type = System.Text.Encoding.ASCII.GetString(head[4..8]);
            var headerSize = 8;
            if (size == 1)
            {
                file.ReadExactly(head[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(head[8..16]);
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = length - position;
            }

            if (size < headerSize)
            {
                return new Mp4Inspection(false, $"Box '{Printable(type)}' at offset {position} declares an impossible size {size}.", created);
            }

            if (position + size > length)
            {
                return new Mp4Inspection(
                    false,
                    $"The file is truncated: box '{Printable(type)}' at offset {position} needs {size} bytes but only {length - position} remain.",
                    created);
            }

            if (type == "moov")
            {
                hasMoov = true;
                created = ReadCreationTime(file, position + headerSize, position + size);
            }

            hasMdat |= type == "mdat";
            position += size;
        }

        return hasMoov
            ? new Mp4Inspection(true, null, created)
            : new Mp4Inspection(false, hasMdat ? "The movie index (moov box) is missing: the recording was not finalised." : "No movie box (moov) was found.", created);
    }

    private static DateTimeOffset? ReadCreationTime(Stream file, long start, long end)
    {
        Span<byte> head = stackalloc byte[8];
        var position = start;
        while (position + 8 <= end)
        {
            file.Position = position;
            file.ReadExactly(head);
            var size = BinaryPrimitives.ReadUInt32BigEndian(head);
            if (head[4..8].SequenceEqual("mvhd"u8))
            {
                Span<byte> body = stackalloc byte[12];
                file.ReadExactly(body);
                var seconds = body[0] == 1 ? (long)BinaryPrimitives.ReadUInt64BigEndian(body[4..12]) : BinaryPrimitives.ReadUInt32BigEndian(body[4..8]);

                // Zero means the recorder did not set a time.
                return seconds == 0 ? null : Epoch1904.AddSeconds(seconds);
            }

            if (size < 8)
            {
                return null;
            }

            position += size;
        }

        return null;
    }

    private static string Printable(string type) => new(type.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '?').ToArray());
}
