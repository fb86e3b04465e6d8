namespace EvidenceVault.Media.FFmpeg;

/// <summary>
/// A symlink with a plain name pointing at an input whose path the tools would misread. FFMpegCore passes
/// the probe path inside "..." in one argument string (so '"' and '\' break it), and ffmpeg's image2
/// demuxer treats '%' as a frame-number pattern. The link never modifies the input.
/// </summary>
internal sealed class InputAlias : IDisposable
{
    private readonly string? linkPath;

    private InputAlias(string path, string? linkPath)
    {
        Path = path;
        this.linkPath = linkPath;
    }

    /// <summary>The path to hand to the tool: the original when it is safe, otherwise the link.</summary>
    public string Path { get; }

    public static InputAlias For(string fullPath)
    {
        if (fullPath.IndexOfAny(['"', '\\', '%']) < 0)
        {
            return new InputAlias(fullPath, null);
        }

        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "evidencevault-ffmpeg");
        Directory.CreateDirectory(folder);
        var link = System.IO.Path.Combine(folder, Guid.NewGuid().ToString("N") + SafeExtension(fullPath));
        File.CreateSymbolicLink(link, fullPath);
        return new InputAlias(link, link);
    }

    public void Dispose()
    {
        if (linkPath is not null)
        {
            try
            {
                File.Delete(linkPath);
            }
            catch (IOException)
            {
                // A leftover link in the temp folder is harmless; failing the media job over it is not.
            }
        }
    }

    // Keep a simple extension: some demuxers use it as a hint, and it is never worth carrying odd characters.
    private static string SafeExtension(string path)
    {
        var extension = System.IO.Path.GetExtension(path);
        return extension.Length is > 1 and <= 9 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : string.Empty;
    }
}
