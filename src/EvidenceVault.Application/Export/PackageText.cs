using System.Runtime.CompilerServices;
using System.Text;

namespace EvidenceVault.Application.Export;

/// <summary>
/// Reads a package's own files within bounds: a package comes from outside, and a hostile one (a manifest that is
/// one endless line, a gigabyte "tag file") must end in a problem, not in running out of memory.
/// </summary>
internal static class PackageText
{
    public const int MaxLineChars = 64 * 1024;
    public const int MaxLines = 1_000_000;
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>The whole file, or null when it is missing or larger than <paramref name="limit"/> (then a problem, if a list is given).</summary>
    public static async Task<byte[]?> ReadAllAsync(PackageReader package, string path, int limit, List<PackageProblem>? problems, CancellationToken cancellationToken)
    {
        await using var content = await package.OpenAsync(path, cancellationToken);
        if (content is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                problems?.Add(new PackageProblem(path, "malformed", $"larger than {limit / 1024 / 1024} MiB; not read"));
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return buffer.ToArray();
    }

    /// <summary>The file as UTF-8 text (a byte order mark dropped), capped at <see cref="MaxFileBytes"/>.</summary>
    public static async Task<string?> ReadTextAsync(PackageReader package, string path, List<PackageProblem> problems, CancellationToken cancellationToken) =>
        await ReadAllAsync(package, path, MaxFileBytes, problems, cancellationToken) is { } bytes
            ? Encoding.UTF8.GetString(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(3) : bytes)
            : null;

    /// <summary>
    /// The lines of <paramref name="content"/> (split at '\n', a trailing '\r' dropped), one at a time. A line longer
    /// than <see cref="MaxLineChars"/>, or more than <see cref="MaxLines"/> lines, ends the reading with a problem.
    /// </summary>
    public static async IAsyncEnumerable<string> ReadLinesAsync(Stream content, string path, List<PackageProblem> problems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(content);
        var line = new StringBuilder();
        var buffer = new char[16 * 1024];
        var number = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var rest = buffer.AsMemory(0, read);
            while (rest.Length > 0)
            {
                var end = rest.Span.IndexOf('\n');
                var piece = end < 0 ? rest : rest[..end];
                if (line.Length + piece.Length > MaxLineChars)
                {
                    problems.Add(new PackageProblem(path, "malformed", $"line {number + 1} is longer than {MaxLineChars / 1024} KiB; the rest of the file is not read"));
                    yield break;
                }

                line.Append(piece);
                if (end < 0)
                {
                    break;
                }

                if (++number > MaxLines)
                {
                    problems.Add(new PackageProblem(path, "malformed", $"more than {MaxLines} lines; the rest of the file is not read"));
                    yield break;
                }

                yield return Line(line);
                rest = rest[(end + 1)..];
            }
        }

        if (line.Length > 0 && ++number <= MaxLines)
        {
            yield return Line(line);
        }
    }

    private static string Line(StringBuilder line)
    {
        var text = line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
        line.Clear();
        return text;
    }
}
