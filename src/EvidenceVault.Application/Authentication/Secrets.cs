using System.Security.Cryptography;

namespace EvidenceVault.Application.Authentication;

/// <summary>
/// Bearer tokens and station keys: 256 random bits, stored only as their keyed digest (<see cref="CredentialBinding"/>).
/// A slow KDF buys nothing here (unlike passwords, nobody can guess 256 random bits), and a digest can be looked up by index.
/// </summary>
public static class Secrets
{
    /// <summary>Station keys start with this, so a leaked key is recognisable in logs and by secret scanners.</summary>
    public const string StationKeyMark = "evk_";

    /// <summary>The visible part of a station key: the mark and 8 hex digits.</summary>
    public const int StationKeyPrefixLength = 12;

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A station key: <c>evk_</c>, 8 hex digits shown in lists, then 256 random bits.</summary>
    public static string NewStationKey() =>
        $"{StationKeyMark}{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
