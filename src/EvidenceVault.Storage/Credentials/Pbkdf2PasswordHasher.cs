using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Application.Authentication;

namespace EvidenceVault.Storage.Credentials;

/// <summary>
/// PBKDF2-HMAC-SHA256 (OWASP 2023: at least 600 000 iterations), a 16-byte random salt per hash, stored as
/// <c>pbkdf2-sha256$v1$&lt;iterations&gt;$&lt;salt&gt;$&lt;hash&gt;</c> (base64). The string names its own algorithm and
/// cost, so raising the cost later still verifies every hash made before.
/// </summary>
public sealed class Pbkdf2PasswordHasher(int iterations = Pbkdf2PasswordHasher.DefaultIterations) : IPasswordHasher
{
    public const int DefaultIterations = 600_000;

    private const string Scheme = "pbkdf2-sha256";
    private const string Version = "v1";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, iterations);
        return string.Join('$', Scheme, Version, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public bool Verify(string password, string hash)
    {
        var parts = hash.Split('$');
        if (parts.Length != 5 || parts[0] != Scheme || parts[1] != Version
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var cost) || cost < 1)
        {
            return false;
        }

        byte[] salt, expected;
        try
        {
            (salt, expected) = (Convert.FromBase64String(parts[3]), Convert.FromBase64String(parts[4]));
        }
        catch (FormatException)
        {
            return false;
        }

        return expected.Length == HashBytes && CryptographicOperations.FixedTimeEquals(Derive(password, salt, cost), expected);
    }

    private static byte[] Derive(string password, byte[] salt, int cost) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, cost, HashAlgorithmName.SHA256, HashBytes);
}
