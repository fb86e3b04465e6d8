using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Access;

/// <summary>A user's sign-in name (what <c>login</c> takes).</summary>
public readonly record struct UserName
{
    private UserName(string value) => Value = value;

    public string Value { get; }

    public static UserName Parse(string value) => new(Identifier.Validate(value, "user name"));

    public override string ToString() => Value;
}
