namespace EvidenceVault.Application.Custody;

/// <summary>Who is acting (the signed-in user, the station, or the OS account running the CLI).</summary>
public interface IActorContext
{
    /// <summary>The actor as the custody log records it; for a station key, the bound user and the station.</summary>
    string Actor { get; }

    /// <summary>
    /// The user behind <see cref="Actor"/>: whom access control checks and whom two-person rules compare, so
    /// one person acting through a station is still one person.
    /// </summary>
    string ActingUser => Actor;

    /// <summary>The station whose key the actor acts through, or null: a station uploads for the officers whose recorders it docks.</summary>
    string? Station => null;
}
