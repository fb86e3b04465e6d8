using EvidenceVault.Domain.Disclosure;

namespace EvidenceVault.Application.Disclosure;

/// <summary>A decision that may not go online at all (minor, secret, private); the refusal is in the ledger.</summary>
public sealed class PublicationRefusedException(PublicationRefusal refusal) : Exception($"{refusal.Message} ({refusal.Code})")
{
    public PublicationRefusal Refusal { get; } = refusal;
}

/// <summary>A step the publication workflow does not allow now (the drafter approving, a withdrawal of a draft...).</summary>
public sealed class PublicationRuleException(string message) : Exception(message);
