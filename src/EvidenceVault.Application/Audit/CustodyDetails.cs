using System.Text.Json;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Audit;

/// <summary>Reads custody entries back as the typed details that wrote them, for the row checks.</summary>
internal static class CustodyDetails
{
    /// <summary>
    /// The entry's details as the record that wrote them; null for another action, or for details that do not parse as
    /// it (only a forger re-chaining the log writes such), so a check reports the row instead of crashing.
    /// </summary>
    public static TDetails? Of<TDetails>(CustodyRecord record)
        where TDetails : class, ICustodyDetails
    {
        try
        {
            return CustodyEntries.Read<TDetails>(record.Entry);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every entry of <typeparamref name="TDetails"/>'s action with its subject, oldest first.</summary>
    public static List<(string Subject, TDetails Details)> All<TDetails>(IEnumerable<CustodyRecord> records)
        where TDetails : class, ICustodyDetails =>
        [.. records.Select(r => (r.Entry.Subject, Details: Of<TDetails>(r))).Where(e => e.Details is not null).Select(e => (e.Subject, e.Details!))];

    /// <summary>Same instant written with the same offset (rows keep the offset they were given).</summary>
    public static bool SameInstant(DateTimeOffset? expected, DateTimeOffset? actual) =>
        expected is { } e ? actual is { } a && e.EqualsExact(a) : actual is null;

    /// <summary>Details serialized the way <see cref="CustodyEntries"/> writes them, so equal rows give equal text.</summary>
    public static bool SameText<TDetails>(TDetails details, string recorded)
        where TDetails : ICustodyDetails =>
        string.Equals(JsonSerializer.Serialize(details, CustodyEntries.DetailsJson), recorded, StringComparison.Ordinal);
}
