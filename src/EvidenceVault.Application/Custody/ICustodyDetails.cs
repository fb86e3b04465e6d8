namespace EvidenceVault.Application.Custody;

/// <summary>
/// The typed details of one custody action: one sealed record per action, used both to write the entry and to read
/// it back, so no property name is ever spelled as a string. Properties serialize in camelCase.
/// </summary>
public interface ICustodyDetails
{
    /// <summary>The custody action this record describes (one of <see cref="CustodyActions"/>).</summary>
    static abstract string Action { get; }
}
