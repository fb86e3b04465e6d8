namespace EvidenceVault.Domain.Disclosure;

/// <summary>What a masked span of text was, so the approver sees why it is hidden.</summary>
public enum MaskKind
{
    /// <summary>A resident ID number (居民身份证号码) whose check digit or birth date holds.</summary>
    ResidentId,

    /// <summary>A mobile or fixed-line phone number.</summary>
    Phone,

    /// <summary>The part of an address below district level.</summary>
    Address,

    /// <summary>A bank card number that passes the Luhn check.</summary>
    BankCard,

    /// <summary>The name of a natural person who is not the party (witness, relative, reporter).</summary>
    OtherPerson,

    /// <summary>The party's own name, when the party is a natural person.</summary>
    PartyName,

    /// <summary>A span a person marked by hand on top of the rules.</summary>
    Redaction,
}

/// <summary>One span of the original text to hide, and what shows in its place.</summary>
public sealed record MaskedSpan(int Start, int Length, MaskKind Kind, string Replacement)
{
    public int End => Start + Length;
}

/// <summary>
/// A digit run that looks like personal data but failed its check (an 18-digit number with a wrong ID check digit):
/// left as it is, and shown to the approver, who may redact it by hand.
/// </summary>
public sealed record SuspectNumber(int Start, int Length, string Why);

/// <summary>One masking rule: finds the spans of a text it hides, and the near misses it leaves to a person.</summary>
public interface IMaskingRule
{
    IEnumerable<MaskedSpan> Find(string text);

    IEnumerable<SuspectNumber> Suspects(string text) => [];
}
