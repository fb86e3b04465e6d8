using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EvidenceVault.Domain.Custody;

/// <summary>
/// The hash chain of the custody log: each entry's hash covers its own fields and the previous entry's
/// hash, so changing, removing or reordering any entry breaks every hash after it.
/// </summary>
public static class CustodyChain
{
    /// <summary>The previous hash of the very first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Hash(long sequence, DateTimeOffset at, string actor, string action, string subject, string details, string previousHash)
    {
        // Length-prefixed fields: no separator inside a field can make two different entries hash alike.
        var canonical = new StringBuilder();
        foreach (var field in new[]
        {
            sequence.ToString(CultureInfo.InvariantCulture),
            at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            actor,
            action,
            subject,
            details,
            previousHash,
        })
        {
            canonical.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
