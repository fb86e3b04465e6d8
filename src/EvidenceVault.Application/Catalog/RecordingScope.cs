using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Catalog;

/// <summary>
/// The recordings a user may see in a list: those made by the named officers (their own, or their department's
/// for a department head) and those named one by one (covered by their active grants). Null on a filter means
/// no restriction (access control off, archivists, administrators).
/// </summary>
public sealed record RecordingScope(IReadOnlySet<OfficerId> Officers, IReadOnlySet<RecordingId> Recordings)
{
    public bool Contains(RecordingEntry recording) =>
        (recording.Officer is { } officer && Officers.Contains(officer)) || Recordings.Contains(recording.Id);

    /// <summary>The scope in words, for the custody entry a listing writes.</summary>
    public static string Describe(RecordingScope? scope) => scope is null
        ? "all recordings"
        : $"officers [{string.Join(", ", scope.Officers.Select(o => o.Value).Order(StringComparer.Ordinal))}] + {scope.Recordings.Count} granted recording(s)";
}
