using System.Text;

namespace EvidenceVault.Devices.Station;

/// <summary>One line of <c>/proc/self/mountinfo</c> (proc(5)): what is mounted where, from which block device.</summary>
internal sealed record MountEntry(int Id, int ParentId, string DeviceNumber, string MountPoint, string Options, string FileSystem, string Source);

/// <summary>Reads the kernel's mount table; the station polls it, so a mount appearing or going is seen within a scan.</summary>
internal static class MountTable
{
    private static readonly System.Buffers.SearchValues<char> OctalDigits = System.Buffers.SearchValues.Create("01234567");

    public static IReadOnlyList<MountEntry> Read(string mountInfoPath) =>
        [.. File.ReadAllLines(mountInfoPath).Select(Parse).OfType<MountEntry>()];

    /// <summary>Null for a line that is not in the documented shape (a future kernel's format, a truncated read).</summary>
    public static MountEntry? Parse(string line)
    {
        var fields = line.Split(' ');
        var separator = Array.IndexOf(fields, "-", 6);
        if (fields.Length < 10 || separator < 0 || separator + 2 >= fields.Length
            || !int.TryParse(fields[0], out var id) || !int.TryParse(fields[1], out var parent))
        {
            return null;
        }

        return new MountEntry(id, parent, fields[2], Unescape(fields[4]), fields[5], fields[separator + 1], Unescape(fields[separator + 2]));
    }

    /// <summary>The kernel writes space, tab, newline and backslash in paths as octal escapes (\040 and so on).</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var bytes = new List<byte>(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && IsOctal(field, i + 1))
            {
                bytes.Add(Convert.ToByte(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(field[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static bool IsOctal(string field, int start) =>
        start + 3 <= field.Length && field.AsSpan(start, 3).IndexOfAnyExcept(OctalDigits) < 0;
}
