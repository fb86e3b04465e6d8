using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Domain.Disclosure;

/// <summary>
/// The fields of a decision the disclosure rules publish (国办发〔2018〕118号, 双公示): 文书号, 执法机关, 执法对象,
/// 执法类别, a summary of the facts, the legal basis, 执法结论 / penalty content, and the decision date.
/// </summary>
public sealed record DecisionText(
    string DocumentNumber,
    string Agency,
    string Party,
    EnforcementType Category,
    string Facts,
    string LegalBasis,
    string Conclusion,
    DateOnly DecisionDate)
{
    /// <summary>Each free-text field through the party's rules; the 文书号, agency, category and date are public as they are.</summary>
    public DecisionMasking MaskingFor(DisclosureParty party)
    {
        var masker = party.Masker();
        return new DecisionMasking(masker.Mask(Party), masker.Mask(Facts), masker.Mask(LegalBasis), masker.Mask(Conclusion));
    }

    public DecisionText MaskedFor(DisclosureParty party)
    {
        var masking = MaskingFor(party);
        return this with { Party = masking.Party.Masked, Facts = masking.Facts.Masked, LegalBasis = masking.LegalBasis.Masked, Conclusion = masking.Conclusion.Masked };
    }
}

/// <summary>The masked fields of a decision with their spans and suspects: what the approver looks at.</summary>
public sealed record DecisionMasking(MaskedText Party, MaskedText Facts, MaskedText LegalBasis, MaskedText Conclusion)
{
    public IReadOnlyList<MaskedText> Fields => [Party, Facts, LegalBasis, Conclusion];
}

/// <summary>Where a decision's publication stands.</summary>
public enum PublicationStatus
{
    /// <summary>Drafted and masked, waiting for a second person's approval.</summary>
    Draft,

    /// <summary>On the public site since its publication time.</summary>
    Published,

    /// <summary>Shown as withdrawn, with the reason (行政处罚法 art. 48).</summary>
    Withdrawn,

    /// <summary>Its display period is over: no longer on the site.</summary>
    Ended,
}

/// <summary>Why a published decision is withdrawn (行政处罚法 art. 48).</summary>
public enum WithdrawalKind
{
    /// <summary>撤销.</summary>
    Revoked,

    /// <summary>变更.</summary>
    Changed,

    /// <summary>确认违法或者确认无效.</summary>
    Annulled,
}
