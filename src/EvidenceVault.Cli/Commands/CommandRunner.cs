using System.CommandLine;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Application.Sources;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Hosting;

namespace EvidenceVault.Cli.Commands;

/// <summary>Builds the services for a command and turns configuration errors into a clear message and exit code.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, Task<int>> body)
    {
        try
        {
            await using var services = GlobalOptions.BuildServices(parse);
            return await body(services);
        }
        catch (Exception ex) when (ex is ConfigurationException or RecorderSourceException or CaseConflictException or LegalReviewRequiredException or FormatException or AccessRuleException)
        {
            await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (Exception ex) when (ex is RecordingNotFoundException or UserNotFoundException or RetrievalNotFoundException)
        {
            await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
            return ExitCodes.NotFound;
        }
        catch (AccessDeniedException ex)
        {
            await Console.Error.WriteLineAsync($"evidencevault: access denied: {ex.Message}");
            return ExitCodes.AccessDenied;
        }
    }
}
