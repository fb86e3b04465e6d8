using System.Text.Json;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Audit;

/// <summary>Reads the JSON details of custody entries for the row checks.</summary>
internal static class CustodyDetails
{
    /// <summary>The entries' actions, details and subjects, oldest first.</summary>
    public static List<(string Action, JsonElement Details, string Subject)> Parse(IEnumerable<CustodyRecord> records) =>
        [.. records.Select(r => (r.Entry.Action, JsonDocument.Parse(r.Entry.Details).RootElement.Clone(), r.Entry.Subject))];

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

    public static string? Text(JsonElement? details, string property) =>
        details is { } d && d.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long? Number(JsonElement details, string property) =>
        details.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    public static DateTimeOffset? Instant(JsonElement details, string property) =>
        details.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var instant) ? instant : null;

    /// <summary>Same instant written with the same offset (rows keep the offset they were given).</summary>
    public static bool SameInstant(DateTimeOffset? expected, DateTimeOffset? actual) =>
        expected is { } e ? actual is { } a && e.EqualsExact(a) : actual is null;

    public static DateOnly? Day(JsonElement details, string property) =>
        Text(details, property) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
}
