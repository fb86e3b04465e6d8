namespace EvidenceVault.Testing.Media;

/// <summary>Helpers for looking inside the files ffmpeg wrote.</summary>
public static class MediaFile
{
    /// <summary>Top-level ISO-BMFF box types in file order.</summary>
    public static List<string> TopLevelBoxes(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var boxes = new List<string>();
        while (stream.Position + 8 <= stream.Length)
        {
            var start = stream.Position;
            var size = (long)ReadUInt32BigEndian(reader);
            var type = new string(reader.ReadChars(4));
            if (size == 1)
            {
                size = (long)((ulong)ReadUInt32BigEndian(reader) << 32 | ReadUInt32BigEndian(reader));
            }
            else if (size == 0)
            {
                size = stream.Length - start;
            }

            boxes.Add(type);
            stream.Position = start + size;
        }

        return boxes;
    }

    public static bool IsJpeg(string path)
    {
        var head = File.ReadAllBytes(path).AsSpan(0, 3);
        return head.SequenceEqual(new byte[] { 0xFF, 0xD8, 0xFF });
    }

    /// <summary>The picture of an image file as 8-bit gray, row by row (ffmpeg decodes it; the adapter is not involved).</summary>
    public static async Task<byte[]> GrayPixelsAsync(string path) =>
        (await FfmpegRun.RunAsync("-i", path, "-f", "rawvideo", "-pix_fmt", "gray", "-")).Output;

    /// <summary>Makes a test clip in <paramref name="folder"/> (the fixture's clips last 3 s; a sprite with rows needs more).</summary>
    public static async Task<string> MakeClipAsync(string folder, string name, string size, int seconds)
    {
        var output = Path.Combine(folder, name);
        await FfmpegRun.RunAsync("-y", "-f", "lavfi", "-i", $"testsrc=size={size}:rate=10", "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", output);
        return output;
    }

    private static uint ReadUInt32BigEndian(BinaryReader reader) =>
        System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(reader.ReadBytes(4));
}
