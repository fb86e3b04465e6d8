namespace EvidenceVault.Application.Authentication;

/// <summary>
/// Turns a password into a self-describing hash string (algorithm, version, cost, salt) and checks a password
/// against one. The adapter owns the KDF; the use cases only ever hold the string.
/// </summary>
public interface IPasswordHasher
{
    /// <summary>A fresh hash with a new random salt: two calls never return the same string.</summary>
    string Hash(string password);

    /// <summary>True when the password matches; compares in constant time, and is false for a malformed hash.</summary>
    bool Verify(string password, string hash);
}
