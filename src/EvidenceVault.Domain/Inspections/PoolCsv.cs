namespace EvidenceVault.Domain.Inspections;

/// <summary>
/// Reads a pool import: UTF-8 CSV with a header. Targets have four columns (id, name, category, area), the id being the
/// unified social credit code (or other id); inspectors five (id, name, unit, category, area), the id being the
/// 执法证件号码 and the unit the 执法单位 the public page names. Quoted fields are not supported: pool values carry no
/// commas, and a row with another column count is refused with its line number rather than guessed at.
/// </summary>
public static class PoolCsv
{
    public const string TargetHeader = "id,name,category,area";

    public const string InspectorHeader = "id,name,unit,category,area";

    public static IReadOnlyList<InspectionTarget> Targets(string text) =>
        [.. Rows(text, TargetHeader).Select(r => new InspectionTarget(r[0], r[1], r[2], r[3]))];

    /// <summary>Inspectors; a version imported before the unit column reads without units, so its tasks still replay.</summary>
    public static IReadOnlyList<Inspector> Inspectors(string text) => HasUnit(text)
        ? [.. Rows(text, InspectorHeader).Select(r => new Inspector(r[0], r[1], r[3], r[4], r[2]))]
        : [.. Rows(text, TargetHeader).Select(r => new Inspector(r[0], r[1], r[2], r[3]))];

    /// <summary>Whether the header names the unit column (unit or 单位).</summary>
    public static bool HasUnit(string text) =>
        text.TrimStart('\uFEFF').Split('\n')[0].Split(',').Any(f => f.Trim() is var h && (h.Equals("unit", StringComparison.OrdinalIgnoreCase) || h == "单位"));

    private static List<string[]> Rows(string text, string header)
    {
        var columns = header.Split(',').Length;
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
            if (fields.Length != columns || fields.Any(f => f.Length == 0 || f.Any(char.IsControl)))
            {
                throw new FormatException($"Line {n + 1} of the pool file needs {columns} non-empty fields ({header}): '{lines[n]}'.");
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
