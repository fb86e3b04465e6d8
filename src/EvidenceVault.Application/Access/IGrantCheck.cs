using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Access;

/// <summary>
/// The check every path that hands out recording bytes (retrieval, export) runs first. Returns the grant the
/// actor works under, or null when none is needed (access control off, or only the actor's own recordings);
/// otherwise logs <c>access.denied</c> and throws <see cref="AccessDeniedException"/>. An export of a case passes
/// the recordings it is about to write; a case grant covers the recordings linked when it was requested.
/// </summary>
public interface IGrantCheck
{
    /// <summary>With <paramref name="redactedCopies"/> the bytes asked for are redacted copies, which a grant for redacted copies only also gives.</summary>
    Task<RetrievalRequest?> RequireAsync(IReadOnlyCollection<RecordingId> recordings, RetrievalId? grant, CancellationToken cancellationToken, bool redactedCopies = false);
}
