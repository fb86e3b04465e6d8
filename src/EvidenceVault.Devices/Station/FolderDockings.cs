namespace EvidenceVault.Devices.Station;

/// <summary>
/// Keys for folders docked as devices. A folder's key carries its inode, but file systems hand a freed inode to the next
/// folder made, so a folder removed and made again (a re-plug) can look unchanged. What the scanner saw decides instead:
/// a folder that was gone in an earlier scan and is back is a new docking, whatever its inode.
/// </summary>
internal sealed class FolderDockings
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Identity, string Key)> _present = new(StringComparer.Ordinal);
    private readonly HashSet<string> _departed = new(StringComparer.Ordinal);
    private long _returns;

    /// <summary>Takes this scan's folders (path → identity) and gives each its docking key (path → key).</summary>
    public IReadOnlyDictionary<string, string> Observe(IReadOnlyDictionary<string, string> identities)
    {
        lock (_gate)
        {
            foreach (var gone in _present.Where(p => !identities.TryGetValue(p.Key, out var identity) || identity != p.Value.Identity).ToList())
            {
                _departed.Add(gone.Value.Key);
                _present.Remove(gone.Key);
            }

            foreach (var (path, identity) in identities.Where(i => !_present.ContainsKey(i.Key)))
            {
                var key = _departed.Contains(identity) ? $"{identity}#{++_returns}" : identity;
                _present[path] = (identity, key);
            }

            return _present.ToDictionary(p => p.Key, p => p.Value.Key, StringComparer.Ordinal);
        }
    }
}
