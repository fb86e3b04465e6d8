using System.CommandLine;
using EvidenceVault.Application;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Vault;
using EvidenceVault.Cli.SignIn;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Retention;
using EvidenceVault.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary>Builds the services for a command and turns configuration errors into a clear message and exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, Task<int>> body)
    {
        CliActor? actor = null;
        try
        {
            await using var services = GlobalOptions.BuildServices(parse);
            actor = services.GetRequiredService<CliActor>();
            await CliSignIn.EstablishAsync(parse, services, CancellationToken.None);
            var exit = await body(services);
            await CheckpointAfterAsync(services);
            return exit;
        }
        catch (Exception ex) when (ex is ConfigurationException or RecorderSourceException or CaseConflictException or LegalReviewRequiredException or DeletionRuleException or AccessRuleException or FormatException)
        {
            await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (CatalogUnavailableException ex)
        {
            await Console.Error.WriteLineAsync($"evidencevault: {ex.Message} Check --catalog (or ${GlobalOptions.CatalogVariable}).");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (CalendarCoverageException ex)
        {
            await Console.Error.WriteLineAsync($"evidencevault: {ex.Message} Add it with --calendar <file.json> (or ${GlobalOptions.CalendarVariable}).");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (Exception ex) when (ex is RecordingNotFoundException or RecordingDestroyedException or NotFoundException)
        {
            await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
            return ExitCodes.NotFound;
        }
        catch (AccessDeniedException ex)
        {
            await Console.Error.WriteLineAsync($"evidencevault: access denied: {ex.Message}");
            if (actor is { IsProven: false })
            {
                await Console.Error.WriteLineAsync("evidencevault: no one is signed in; `evidencevault login <user>` starts a session.");
            }

            return ExitCodes.AccessDenied;
        }
        catch (Exception ex) when (ex is SignInFailedException or AccountLockedException)
        {
            await Console.Error.WriteLineAsync($"evidencevault: sign-in refused: {ex.Message}");
            return ExitCodes.AccessDenied;
        }
    }

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
