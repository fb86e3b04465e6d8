using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Disclosure;

/// <summary>
/// Checkpoint the custody log's head now (reusing the latest checkpoint when the log has not grown) and add it to the
/// public ledger heads, so anyone can compare the head <c>audit verify</c> prints with a public one.
/// </summary>
public sealed record PublishLedgerHeadsCommand : ICommand<PublishedCheckpoint>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Publication;
}

public sealed class PublishLedgerHeadsHandler(CheckpointWriter checkpoints, IPublicationStore publications) : ICommandHandler<PublishLedgerHeadsCommand, PublishedCheckpoint>
{
    public async ValueTask<PublishedCheckpoint> Handle(PublishLedgerHeadsCommand command, CancellationToken cancellationToken)
    {
        var head = await checkpoints.WriteAsync(cancellationToken);
        var published = new PublishedCheckpoint(head.Name, head.Checkpoint.Size, head.Checkpoint.RootHash, head.Checkpoint.Time, head.Note.Format());
        await publications.PublishCheckpointAsync(published, cancellationToken);
        return published;
    }
}
