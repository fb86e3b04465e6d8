using EvidenceVault.Application.Custody;
using Mediator;

namespace EvidenceVault.Application.Uploads;

/// <summary>
/// Removes uploads past their expiry. An unfinished one leaves an <c>upload.expired</c> entry (how far it got);
/// a finished one only loses its upload record, its evidence is in the vault.
/// </summary>
public sealed record ExpireUploadsCommand : ICommand<int>;

public sealed class ExpireUploadsHandler(IUploadStore store, UploadGate gate, ReceivedDigests digests, ICustodyLog custody, CustodyEntries entries) : ICommandHandler<ExpireUploadsCommand, int>
{
    public async ValueTask<int> Handle(ExpireUploadsCommand command, CancellationToken cancellationToken)
    {
        var expired = await store.ListExpiredAsync(entries.Now, cancellationToken);
        foreach (var id in expired)
        {
            using (await gate.LockAsync(id, cancellationToken))
            {
                var state = await store.FindAsync(id, cancellationToken);
                await store.DeleteAsync(id, cancellationToken);
                if (state is { Outcome: null } or { Outcome.Status: UploadOutcome.Refused })
                {
                    var details = new UploadExpiredDetails(state.Upload.ClientName, state.Offset, state.Upload.Length, state.Upload.ExpiresAt, state.Upload.Owner);
                    await custody.AppendAsync(entries.Entry(id.Value, details), cancellationToken);
                }
            }

            digests.Forget(id);
        }

        return expired.Count;
    }
}
