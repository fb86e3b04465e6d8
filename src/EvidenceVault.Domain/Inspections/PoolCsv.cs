namespace EvidenceVault.Domain.Inspections;

/// <summary>
/// Reads a pool import: UTF-8 CSV with a header, four columns (id, name, category, area): targets give the unified social
/// credit code (or other id) first, inspectors the 执法证件号码. Quoted fields are not supported: pool values carry no
/// commas, and a row with another column count is refused with its line number rather than guessed at.
/// </summary>
public static class PoolCsv
{
    public static IReadOnlyList<InspectionTarget> Targets(string text) =>
        [.. Rows(text).Select(r => new InspectionTarget(r[0], r[1], r[2], r[3]))];

    public static IReadOnlyList<Inspector> Inspectors(string text) =>
        [.. Rows(text).Select(r => new Inspector(r[0], r[1], r[2], r[3]))];

    private static List<string[]> Rows(string text)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var rows = new List<string[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; n < lines.Count; n++)
        {
            if (lines[n].Trim().Length == 0)
            {
                continue;
            }

            var fields = lines[n].Split(',').Select(f => f.Trim()).ToArray();
            if (fields.Length != 4 || fields.Any(f => f.Length == 0 || f.Any(char.IsControl)))
            {
                throw new FormatException($"Line {n + 1} of the pool file needs four non-empty fields (id,name,category,area): '{lines[n]}'.");
            }

            if (!seen.Add(fields[0]))
            {
                throw new FormatException($"Line {n + 1} of the pool file repeats id '{fields[0]}'; each pool member appears once.");
            }

            rows.Add(fields);
        }

        return rows.Count > 0 ? rows : throw new FormatException("The pool file has no rows after its header.");
    }
}
