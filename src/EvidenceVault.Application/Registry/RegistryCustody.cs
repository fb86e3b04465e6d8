using System.Text.Json;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Registry;

/// <summary>Custody entries for registry changes; the subject is the officer number or device id.</summary>
public sealed class RegistryCustody(IActorContext actor, TimeProvider time)
{
    public const string OfficerSaved = "registry.officer-saved";
    public const string DeviceSaved = "registry.device-saved";
    public const string DeviceBound = "registry.device-bound";

    public CustodyEntry Entry(string action, string subject, object details) =>
        new(time.GetUtcNow(), actor.Actor, action, subject, JsonSerializer.Serialize(details));
}
