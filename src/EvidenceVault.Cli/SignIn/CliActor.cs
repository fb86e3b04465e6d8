using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Cli.SignIn;

/// <summary>
/// Who a CLI run acts as: the OS account (or <c>--actor</c> while the catalog has no users) until a session token or
/// a station key proves a user (<see cref="CliSignIn"/>).
/// </summary>
internal sealed class CliActor(string unproven) : IActorContext
{
    public string Actor { get; private set; } = unproven;

    public string ActingUser { get; private set; } = unproven;

    public string? Station { get; private set; }

    /// <summary>True once a credential proved the user.</summary>
    public bool IsProven { get; private set; }

    public void Become(Authentication proven)
    {
        ActingUser = proven.User!.Name.Value;
        Actor = proven.Actor!;
        Station = proven.Station?.Value;
        IsProven = true;
    }
}
