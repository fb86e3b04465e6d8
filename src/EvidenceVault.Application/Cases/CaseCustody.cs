using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Cases;

/// <summary>Builds custody entries for case events; the subject is always the case number.</summary>
public sealed class CaseCustody(IActorContext actor, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public CustodyEntry Entry(string action, CaseNumber number, object details) =>
        new(time.GetUtcNow(), actor.Actor, action, number.Value, JsonSerializer.Serialize(details));
}
