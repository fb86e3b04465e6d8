namespace EvidenceVault.Application.Registry;

/// <summary>
/// Registry CSV files: a header line, then one record of comma-separated fields per line. Every line is read before
/// anything is written, so a bad line never leaves half an import; every bad line is named by its number, so one
/// correction fixes the file.
/// </summary>
internal static class CsvRows
{
    /// <param name="csv">The whole file.</param>
    /// <param name="expected">The record layout, for the error message, e.g. <c>number,name[,certificate,unit]</c>.</param>
    /// <param name="required">How many leading fields must be present and non-empty.</param>
    /// <param name="read">Makes one record from a line's fields; a <see cref="FormatException"/> names what is wrong.</param>
    public static List<T> Read<T>(string csv, string expected, int required, Func<string[], T> read)
    {
        var lines = csv.Split('\n', StringSplitOptions.TrimEntries);
        var rows = new List<T>();
        var problems = new List<string>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var fields = lines[i].Split(',').Select(f => f.Trim().Trim('"')).ToArray();
            try
            {
                rows.Add(fields.Length < required || fields.Take(required).Any(f => f.Length == 0)
                    ? throw new FormatException($"{required} fields are required")
                    : read(fields));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                problems.Add($"Line {i + 1}: expected {expected} but found '{lines[i]}': {ex.Message}");
            }
        }

        return problems.Count == 0 ? rows : throw new CsvImportException(problems);
    }

    public static string? Optional(string[] fields, int index) => fields.Length > index && fields[index].Length > 0 ? fields[index] : null;
}

/// <summary>The lines of a registry CSV that cannot be read, each with its number; nothing was imported.</summary>
public sealed class CsvImportException(IReadOnlyList<string> problems)
    : FormatException(problems.Count == 1 ? problems[0] : $"{problems.Count} lines cannot be read; nothing was imported:\n{string.Join('\n', problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
