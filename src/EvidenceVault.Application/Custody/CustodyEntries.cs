using System.Text.Json;

namespace EvidenceVault.Application.Custody;

/// <summary>Builds custody entries for the current actor and time, with the details as JSON.</summary>
public sealed class CustodyEntries(IActorContext actor, TimeProvider time)
{
    /// <summary>The one JSON form of typed custody details (camelCase, as the entries have always been written).</summary>
    public static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The person acting, for "by" columns and two-person rules; the entries' actor may add the station.</summary>
    public string Actor => actor.ActingUser;

    /// <summary>An entry whose action and details come from one typed record.</summary>
    public CustodyEntry Entry<TDetails>(string subject, TDetails details)
        where TDetails : ICustodyDetails =>
        new(time.GetUtcNow(), actor.Actor, TDetails.Action, subject, JsonSerializer.Serialize(details, DetailsJson));

    /// <summary>Reads an entry's details back as the record that wrote them; null when the entry is another action.</summary>
    public static TDetails? Read<TDetails>(CustodyEntry entry)
        where TDetails : class, ICustodyDetails =>
        entry.Action == TDetails.Action ? JsonSerializer.Deserialize<TDetails>(entry.Details, DetailsJson) : null;
}
