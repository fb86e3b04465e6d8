namespace EvidenceVault.Domain.PriorDisclosure;

/// <summary>What one version changed against the one before, item by item, in words an administrator reads.</summary>
public static class PriorDisclosureChanges
{
    public static IReadOnlyList<string> Between(PriorDisclosureSet before, PriorDisclosureSet after)
    {
        var changes = new List<string>();
        if (before.Agency != after.Agency)
        {
            changes.Add($"执法主体: {before.Agency.Name} -> {after.Agency.Name}");
        }

        Compare(changes, "执法人员", before.Officers, after.Officers, o => o.Certificate.Value, o => $"{o.Name} ({o.Certificate})");
        Compare(changes, "执法事项", before.Matters, after.Matters, m => m.Name, m => m.Name);
        Compare(changes, "随机抽查事项", before.Inspections, after.Inspections, i => i.Matter, i => i.Matter);
        Compare(changes, "服务指南", before.Guides, after.Guides, g => g.Title, g => g.Title);
        Compare(changes, "监督渠道", before.Channels, after.Channels, c => $"{c.Kind}:{c.Label}", c => c.Label);
        return changes;
    }

    private static void Compare<T>(List<string> changes, string section, IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key, Func<T, string> name)
    {
        var old = before.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in after)
        {
            keys.Add(key(item));
            if (!old.TryGetValue(key(item), out var was))
            {
                changes.Add($"{section}: 新增 {name(item)}");
            }
            else if (!EqualityComparer<T>.Default.Equals(was, item))
            {
                changes.Add($"{section}: 修改 {name(item)}");
            }
        }

        changes.AddRange(before.Where(item => !keys.Contains(key(item))).Select(item => $"{section}: 删除 {name(item)}"));
    }
}
