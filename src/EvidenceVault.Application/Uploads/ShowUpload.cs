using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Uploads;
using Mediator;

namespace EvidenceVault.Application.Uploads;

/// <summary>
/// Where an upload stands: the offset durably kept, and how it ended once complete. An upload with every byte but no
/// outcome (the vault failed during the final PATCH, or the process stopped) is finished here first: tus clients take
/// <c>Upload-Offset</c> equal to <c>Upload-Length</c> for done, so it must not be said before the file is secured.
/// </summary>
public sealed record ShowUploadQuery(UploadId Id) : IQuery<UploadState>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class ShowUploadHandler(IUploadStore store, UploadGate gate, UploadCompletion completion, CustodyEntries entries) : IQueryHandler<ShowUploadQuery, UploadState>
{
    public async ValueTask<UploadState> Handle(ShowUploadQuery query, CancellationToken cancellationToken)
    {
        // Waits for a running append of the same upload, so the offset includes the bytes it has just flushed.
        using var exclusive = await gate.LockAsync(query.Id, cancellationToken);
        var state = await store.RequireAsync(query.Id, entries.Actor, entries.Now, cancellationToken);

        // Like the final PATCH, the completion runs to its end even if the client hangs up.
        return state.IsComplete && state.Outcome is null ? await completion.FinishAsync(state, CancellationToken.None) : state;
    }
}
