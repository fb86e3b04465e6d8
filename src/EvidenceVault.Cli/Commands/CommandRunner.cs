using System.CommandLine;
using EvidenceVault.Application;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;
using EvidenceVault.Cli.SignIn;
using EvidenceVault.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary>
/// Builds the services for a command, proves who runs it, and turns errors into a message and the exit code of their
/// kind (<see cref="ExitCodes.Of"/>, the CLI's one table; the API has the matching one of statuses).
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, Task<int>> body, Action<IServiceCollection>? configure = null, Func<Microsoft.Extensions.Configuration.IConfiguration>? configuration = null)
    {
        CliActor? actor = null;
        try
        {
            await using var services = GlobalOptions.BuildServices(parse, configure, configuration?.Invoke());
            actor = services.GetRequiredService<CliActor>();
            await CliSignIn.EstablishAsync(parse, services, CancellationToken.None);
            var exit = await body(services);
            await CheckpointAfterAsync(services);
            return exit;
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (Exception ex) when (Errors.Classify(ex) is { } error)
        {
            await Console.Error.WriteLineAsync($"evidencevault: {error.Code}: {ex.Message}{Hint(error, actor)}");
            return ExitCodes.Of(error.Kind);
        }
    }

    /// <summary>What the user can do about it, where the message alone does not say.</summary>
    private static string Hint(ErrorCode error, CliActor? actor) => error.Code switch
    {
        "catalog-unavailable" => $" Check --catalog (or ${GlobalOptions.CatalogVariable}).",
        "access-denied" when actor is { IsProven: false } => $"{Environment.NewLine}evidencevault: no one is signed in; `evidencevault login <user>` starts a session.",
        _ => string.Empty,
    };

    /// <summary>
    /// A command that wrote to the catalog checkpoints the log when the latest checkpoint is about to be ten minutes old,
    /// so a vault run from the command line alone still gets one at least every ten minutes while entries are added.
    /// A failure here is reported and leaves the command's own result alone; the next command tries again.
    /// </summary>
    private static async Task CheckpointAfterAsync(IServiceProvider services)
    {
        if (!services.GetRequiredService<ICustodyLog>().HasWritten)
        {
            return;
        }

        try
        {
            await services.GetRequiredService<CheckpointWriter>().WriteIfDueAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is VaultException or IOException or UnauthorizedAccessException or CheckpointConflictException or CatalogUnavailableException)
        {
            await Console.Error.WriteLineAsync($"evidencevault: warning: no checkpoint written: {ex.Message}");
        }
    }
}
