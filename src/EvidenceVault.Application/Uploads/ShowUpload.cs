using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Uploads;
using Mediator;

namespace EvidenceVault.Application.Uploads;

/// <summary>Where an upload stands: the offset durably kept, and how it ended once complete.</summary>
public sealed record ShowUploadQuery(UploadId Id) : IQuery<UploadState>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class ShowUploadHandler(IUploadStore store, UploadGate gate, CustodyEntries entries) : IQueryHandler<ShowUploadQuery, UploadState>
{
    public async ValueTask<UploadState> Handle(ShowUploadQuery query, CancellationToken cancellationToken)
    {
        // Waits for a running append of the same upload, so the offset includes the bytes it has just flushed.
        using var exclusive = await gate.LockAsync(query.Id, cancellationToken);
        return await store.RequireAsync(query.Id, entries.Actor, entries.Now, cancellationToken);
    }
}
