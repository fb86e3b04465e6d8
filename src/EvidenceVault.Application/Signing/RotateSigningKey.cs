using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Signing;

/// <summary>Replace the vault signing key: a <c>keys.rotated</c> entry signed by the old and the new key, then checkpoints under the new key.</summary>
public sealed record RotateSigningKeyCommand : ICommand<KeyRotationResult>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Administrator];
}

/// <summary>The key that was retired, the one now in use, and the first checkpoint it signed (covering the rotation entry).</summary>
public sealed record KeyRotationResult(EvidencePublicKey Previous, EvidencePublicKey Current, StoredCheckpoint Checkpoint);

public sealed class RotateSigningKeyHandler(ISigningKeyRotation keys, ICustodyLog custody, CustodyEntries entries, CheckpointWriter checkpoints)
    : ICommandHandler<RotateSigningKeyCommand, KeyRotationResult>
{
    public async ValueTask<KeyRotationResult> Handle(RotateSigningKeyCommand command, CancellationToken cancellationToken)
    {
        // The old key's last word: a checkpoint of everything before the rotation.
        await checkpoints.WriteAsync(cancellationToken);
        EvidencePublicKey? retired = null;
        var next = await keys.RotateAsync(
            async (old, fresh) =>
            {
                retired = old.PublicKey;
                await custody.AppendAsync(entries.Entry(fresh.PublicKey.KeyId, KeyRotatedDetails.Sign(old, fresh)), cancellationToken);
            },
            cancellationToken);
        return new KeyRotationResult(retired!, next.PublicKey, await checkpoints.WriteAsync(cancellationToken));
    }
}
