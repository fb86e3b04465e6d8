using System.Text.Json;

namespace EvidenceVault.Application.Custody;

/// <summary>Builds custody entries for the current actor and time, with the details as JSON.</summary>
public sealed class CustodyEntries(IActorContext actor, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The person acting, for "by" columns and two-person rules; the entries' actor may add the station.</summary>
    public string Actor => actor.ActingUser;

    public CustodyEntry Entry(string action, string subject, object details) =>
        new(time.GetUtcNow(), actor.Actor, action, subject, JsonSerializer.Serialize(details));
}
