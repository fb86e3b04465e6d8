namespace EvidenceVault.Domain.Requests;

/// <summary>How a request reached the agency (条例 art. 29: in writing, by letter, fax, in person or online); the ledger names it.</summary>
public enum RequestChannel
{
    OnlineForm,
    Letter,
    InPerson,
    Fax,
}
