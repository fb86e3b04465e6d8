namespace EvidenceVault.Domain.Disclosure;

/// <summary>
/// Names of natural persons, given as a list (the party's own name, or the others a decision mentions): each
/// occurrence keeps the surname and shows 某 for every other character, as 张三丰 → 张某某. Longer names are matched
/// first, so 张三丰 is not masked as 张三 plus 丰.
/// </summary>
public sealed class PersonNameRule(IEnumerable<string> names, MaskKind kind) : IMaskingRule
{
    // The two-character surnames common enough to matter; anything else is read as a one-character surname.
    private static readonly string[] CompoundSurnames =
        ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "轩辕", "端木", "独孤", "南宫", "西门", "呼延"];

    private readonly string[] _names = [.. names.Select(n => n.Trim()).Where(n => n.Length >= 2).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length)];

    public IEnumerable<MaskedSpan> Find(string text)
    {
        foreach (var name in _names)
        {
            var masked = Masked(name);
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                yield return new MaskedSpan(at, name.Length, kind, masked);
            }
        }
    }

    public static string Masked(string name)
    {
        var surname = name.Length > 2 && CompoundSurnames.Any(s => name.StartsWith(s, StringComparison.Ordinal)) ? 2 : 1;
        return name[..surname] + new string('某', name.Length - surname);
    }
}
