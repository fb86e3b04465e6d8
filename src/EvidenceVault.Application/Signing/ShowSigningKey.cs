using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Signing;

/// <summary>The public half of the vault signing key, for trust anchors and for comparing with a published fingerprint.</summary>
public sealed record ShowSigningKeyQuery : IQuery<EvidencePublicKey>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class ShowSigningKeyHandler(IEvidenceSigner signer) : IQueryHandler<ShowSigningKeyQuery, EvidencePublicKey>
{
    public ValueTask<EvidencePublicKey> Handle(ShowSigningKeyQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(signer.PublicKey);
}
