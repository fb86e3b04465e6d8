using EvidenceVault.Application.Custody;

namespace EvidenceVault.Hosting;

/// <summary>A fixed actor for a process (the OS account at a station, or a named operator).</summary>
public sealed class FixedActor(string actor) : IActorContext
{
    public string Actor { get; } = actor;
}
