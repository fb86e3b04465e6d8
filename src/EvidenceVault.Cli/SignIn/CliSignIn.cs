using System.CommandLine;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Authentication;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.SignIn;

/// <summary>
/// Proves who runs a command once the catalog has users: a session token (<c>$EVIDENCEVAULT_TOKEN</c>, else the
/// file <c>evidencevault login</c> wrote) or a station key (<c>$EVIDENCEVAULT_STATION_KEY</c>, a station service
/// account that may only ingest or run the station). <c>--actor</c> alone proves nothing then and is refused, so two-person rules mean
/// two authenticated people on the CLI too. While the catalog has no users, access control is off and
/// <c>--actor</c> names the operator as before.
/// </summary>
internal static class CliSignIn
{
    public const string TokenVariable = "EVIDENCEVAULT_TOKEN";

    public const string StationKeyVariable = "EVIDENCEVAULT_STATION_KEY";

    /// <summary>Commands that prove identity themselves, or run as the service rather than as a person.</summary>
    private static readonly HashSet<string> SelfAuthenticating = ["login", "logout", "process"];

    public static async Task EstablishAsync(ParseResult parse, IServiceProvider services, CancellationToken cancellationToken)
    {
        var top = TopCommand(parse);
        if (SelfAuthenticating.Contains(top) || !await services.GetRequiredService<IUserStore>().AnyAsync(cancellationToken))
        {
            return;
        }

        var access = services.GetRequiredService<AccessControl>();
        var claimed = parse.GetValue(GlobalOptions.Actor);
        if (Credential() is not { } credential)
        {
            if (claimed is not null)
            {
                throw await access.DenyAsync(claimed, $"--actor {claimed} is not proof of who is acting once the catalog has users; sign in with `evidencevault login {claimed}` (or set ${TokenVariable}).", null, cancellationToken);
            }

            return;
        }

        var proven = await services.GetRequiredService<IMediator>().Send(new AuthenticateCommand(credential.Kind, credential.Secret), cancellationToken);
        if (proven.User is not { } user)
        {
            throw await access.DenyAsync(claimed ?? "cli", $"The {Describe(credential.Kind)} was refused ({proven.Failure}); sign in again with `evidencevault login <user>`.", null, cancellationToken);
        }

        if (claimed is not null && claimed != user.Name.Value)
        {
            throw await access.DenyAsync(claimed, $"--actor {claimed} is not the signed-in user {user.Name}; one run acts as one proven person.", null, cancellationToken);
        }

        if (proven.Station is { } station && top is not ("ingest" or "station"))
        {
            throw await access.DenyAsync(proven.Actor!, $"Station {station}'s service account may only ingest or run the station; `{top}` needs a person signed in (`evidencevault login`).", null, cancellationToken);
        }

        services.GetRequiredService<CliActor>().Become(proven);
    }

    /// <summary>The session token to use, else the station key, else none.</summary>
    public static (CredentialKind Kind, string Secret)? Credential() =>
        Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } token ? (CredentialKind.BearerToken, token.Trim())
        : TokenFile.Read() is { } saved ? (CredentialKind.BearerToken, saved)
        : Environment.GetEnvironmentVariable(StationKeyVariable) is { Length: > 0 } key ? (CredentialKind.StationKey, key.Trim())
        : null;

    private static string Describe(CredentialKind kind) => kind == CredentialKind.StationKey ? "station key" : "session";

    private static string TopCommand(ParseResult parse)
    {
        var command = parse.CommandResult;
        while (command.Parent is System.CommandLine.Parsing.CommandResult { Command: not RootCommand } parent)
        {
            command = parent;
        }

        return command.Command.Name;
    }
}
