using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Uploads;
using Mediator;

namespace EvidenceVault.Application.Uploads;

/// <summary>The client gives up an upload: its bytes are removed. Evidence already ingested from it stays in the vault.</summary>
public sealed record TerminateUploadCommand(UploadId Id) : ICommand, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.CaseWork;
}

public sealed class TerminateUploadHandler(IUploadStore store, UploadGate gate, ReceivedDigests digests, ICustodyLog custody, CustodyEntries entries) : ICommandHandler<TerminateUploadCommand>
{
    public async ValueTask<Unit> Handle(TerminateUploadCommand command, CancellationToken cancellationToken)
    {
        using (await gate.LockAsync(command.Id, cancellationToken))
        {
            var state = await store.RequireAsync(command.Id, entries.Actor, entries.Now, cancellationToken);
            await store.DeleteAsync(command.Id, cancellationToken);
            var details = new UploadTerminatedDetails(state.Upload.ClientName, state.Offset, state.Upload.Length, state.Outcome?.RecordingId);
            await custody.AppendAsync(entries.Entry(command.Id.Value, details), cancellationToken);
        }

        digests.Forget(command.Id);
        return Unit.Value;
    }
}
