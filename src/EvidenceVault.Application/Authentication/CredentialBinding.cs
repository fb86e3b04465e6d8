using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Authentication;

/// <summary>
/// Binds credentials to the server secret, 32 random bytes in a key file the catalog does not hold. Sessions and station
/// keys are found by HMAC-SHA256(secret, token) rather than a digest anyone can compute, and every credential row carries
/// a seal, an HMAC over what it grants (whose it is, since when): someone who can write the catalog but not read the key
/// file can neither plant a token, key or password hash that works nor point a real one at another user.
/// </summary>
public sealed class CredentialBinding
{
    /// <summary>The length of the server secret, in bytes (the HMAC-SHA256 block size recommends at least this).</summary>
    public const int SecretLength = 32;

    private readonly byte[] _secret;

    public CredentialBinding(byte[] secret)
    {
        if (secret.Length < SecretLength)
        {
            throw new ArgumentException($"The server secret must be at least {SecretLength} bytes; the key file holds {secret.Length}.", nameof(secret));
        }

        _secret = [.. secret];
    }

    /// <summary>A new server secret, for the key file's first start.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretLength);

    /// <summary>What the catalog keeps of a bearer token or station key: HMAC-SHA256(secret, credential), lower-case hex.</summary>
    public string Digest(string credential) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(credential)));

    public string Seal(Session session) =>
        Mac("session", session.Id, session.User.Value, session.StartedAt.UtcTicks.ToString(CultureInfo.InvariantCulture));

    public string Seal(StationKey key, string keyDigest) => Mac("station-key", keyDigest, key.Prefix, key.Station.Value, key.User.Value);

    public string Seal(UserName user, string passwordHash) => Mac("password", user.Value, passwordHash);

    /// <summary>Whether the row's seal is the one the server made for it; false for a row without one.</summary>
    public static bool Holds(string? seal, string expected) =>
        seal is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(seal), Encoding.ASCII.GetBytes(expected));

    /// <summary>The fields are length-prefixed, so no two different rows read as the same message.</summary>
    private string Mac(params string[] fields)
    {
        var message = new StringBuilder();
        foreach (var field in fields)
        {
            message.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Digest(message.ToString());
    }
}
