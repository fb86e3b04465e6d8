using System.Text.Json;

namespace EvidenceVault.Application.Custody;

/// <summary>Builds custody entries for the current actor and time, with the details as JSON.</summary>
public sealed class CustodyEntries(IActorContext actor, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public string Actor => actor.Actor;

    public CustodyEntry Entry(string action, string subject, object details) =>
        new(time.GetUtcNow(), actor.Actor, action, subject, JsonSerializer.Serialize(details));
}
