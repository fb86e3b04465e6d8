namespace EvidenceVault.Application.Registry;

/// <summary>
/// Registry CSV files: a header line, then one record of comma-separated fields per line. Every line is read before
/// anything is written, so a bad line (named by its number) never leaves half an import.
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
                throw new FormatException($"Line {i + 1}: expected {expected} but found '{lines[i]}': {ex.Message}", ex);
            }
        }

        return rows;
    }

    public static string? Optional(string[] fields, int index) => fields.Length > index && fields[index].Length > 0 ? fields[index] : null;
}
