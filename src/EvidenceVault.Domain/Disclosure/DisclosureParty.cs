namespace EvidenceVault.Domain.Disclosure;

/// <summary>Who a decision is against: a natural person's data is masked; a legal person's name and code are published.</summary>
public enum PartyKind
{
    /// <summary>自然人.</summary>
    NaturalPerson,

    /// <summary>法人或其他组织.</summary>
    LegalPerson,
}

/// <summary>Whether a case is marked as one that must not go online.</summary>
public enum Confidentiality
{
    None,

    /// <summary>涉及国家秘密.</summary>
    Secret,

    /// <summary>涉及个人隐私 (政府信息公开条例 art. 15).</summary>
    Private,
}

/// <summary>
/// The party and the personal data a decision's text may carry, as the drafter gives them: the names of other natural
/// persons, addresses, phrases to redact by hand, and whether the party is known to be a minor.
/// </summary>
public sealed record DisclosureParty(
    PartyKind Kind,
    string Name,
    string? IdNumber,
    bool IsMinor,
    IReadOnlyList<string> OtherPersons,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<string> Redactions)
{
    /// <summary>The rules for this party, in the order they win over each other.</summary>
    public TextMasker Masker()
    {
        var natural = Kind == PartyKind.NaturalPerson;
        var names = new PersonNameRule(OtherPersons, MaskKind.OtherPerson);
        IMaskingRule[] rules =
        [
            new RedactionRule(Redactions),
            new PersonNameRule(natural ? [Name] : [], MaskKind.PartyName),
            names,
            new ResidentIdRule(),
            new BankCardRule(),
            new PhoneNumberRule(),
            new AddressRule(Addresses, labelled: natural),
        ];
        return new TextMasker(rules);
    }
}

/// <summary>Why a decision may not be published online at all.</summary>
public sealed record PublicationRefusal(string Code, string Message);

/// <summary>The rules that keep a decision off the site entirely (provincial 公示 practice; 政府信息公开条例 arts. 14–15).</summary>
public static class PublicationEligibility
{
    public const string MinorCode = "party-is-minor";
    public const string SecretCode = "case-is-secret";
    public const string PrivateCode = "case-is-private";

    /// <summary>Null when the decision may go online; otherwise the reason it may not.</summary>
    public static PublicationRefusal? Check(DisclosureParty party, Confidentiality confidentiality, DateOnly decisionDate)
    {
        if (confidentiality == Confidentiality.Secret)
        {
            return new PublicationRefusal(SecretCode, "案件涉及国家秘密，不得在网上公开。");
        }

        if (confidentiality == Confidentiality.Private)
        {
            return new PublicationRefusal(PrivateCode, "案件涉及个人隐私，不得在网上公开。");
        }

        if (party.Kind == PartyKind.NaturalPerson && (party.IsMinor || IsUnder18(party.IdNumber, decisionDate)))
        {
            return new PublicationRefusal(MinorCode, "当事人为未成年人，处罚决定不得在网上公开。");
        }

        return null;
    }

    private static bool IsUnder18(string? idNumber, DateOnly on) =>
        idNumber is not null && ResidentIdRule.TryReadBirthDate(idNumber.Trim(), out var born) && born.AddYears(18) > on;
}
