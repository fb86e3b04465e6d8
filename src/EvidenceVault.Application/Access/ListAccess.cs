using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Access;

/// <summary>
/// What a list may show, by the rules of the single-item views: an officer their own recordings, a department
/// head their department's, a reviewer what their active grants cover, archivists and administrators the whole
/// catalog; retrieval requests to their holder, those who may decide them, and administrators. Every list of
/// evidence is a custody entry (who, which filter, which scope, how many rows).
/// </summary>
public sealed class ListAccess(AccessControl access, IUserStore users, IRetrievalStore grants, ICustodyLog log, CustodyEntries custody, TimeProvider time)
{
    /// <summary>The acting user's recording scope; null when nothing is hidden from them.</summary>
    public async Task<RecordingScope?> RecordingScopeAsync(CancellationToken cancellationToken)
    {
        if (await access.ActingUserAsync(cancellationToken) is not { } user || user.Has(Role.Archivist) || user.Has(Role.Administrator))
        {
            return null;
        }

        var officers = new HashSet<OfficerId>();
        if (user.Officer is { } own)
        {
            officers.Add(own);
        }

        if (user.IsDepartmentHead)
        {
            officers.UnionWith(await users.OfficersOfAsync(user.Department, cancellationToken));
        }

        var now = time.GetUtcNow();
        var granted = (await grants.ListAsync(cancellationToken))
            .Where(g => g.Requester == user.Name && g.IsActiveAt(now))
            .SelectMany(g => g.Recordings)
            .ToHashSet();
        return new RecordingScope(officers, granted);
    }

    /// <summary>The retrieval requests the acting user may see, in the order given.</summary>
    public async Task<IReadOnlyList<RetrievalRequest>> VisibleAsync(IEnumerable<RetrievalRequest> requests, CancellationToken cancellationToken) =>
        await access.ActingUserAsync(cancellationToken) is { } user ? [.. requests.Where(r => r.IsVisibleTo(user))] : [.. requests];

    /// <summary>Writes the custody entry of one list shown.</summary>
    public async Task RecordAsync(string list, string filter, string scope, int rows, CancellationToken cancellationToken) =>
        await log.AppendAsync(custody.Entry(list, new EvidenceListedDetails(filter, scope, rows)), cancellationToken);
}
