using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Custody;

/// <summary>Sign and store a checkpoint of the custody log as it is now (the latest one is reused when the log has not grown).</summary>
public sealed record WriteCheckpointCommand : ICommand<StoredCheckpoint>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Audit;
}

public sealed class WriteCheckpointHandler(CheckpointWriter checkpoints) : ICommandHandler<WriteCheckpointCommand, StoredCheckpoint>
{
    public async ValueTask<StoredCheckpoint> Handle(WriteCheckpointCommand command, CancellationToken cancellationToken) =>
        await checkpoints.WriteAsync(cancellationToken);
}
