namespace EvidenceVault.Application.Custody;

/// <summary>Who is acting (the signed-in user, the station, or the OS account running the CLI).</summary>
public interface IActorContext
{
    string Actor { get; }
}
