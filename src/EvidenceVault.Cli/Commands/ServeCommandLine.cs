using System.CommandLine;
using EvidenceVault.Api;
using EvidenceVault.Hosting;
using Microsoft.Extensions.Hosting;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault serve</c>: the HTTP API over the same data folder and use cases, until Ctrl+C.</summary>
internal static class ServeCommandLine
{
    public static Command Create()
    {
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Where to listen (default {EvidenceVaultApi.DefaultUrl}; keep it on loopback until bearer tokens land)",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("serve", "Serve the HTTP API (first slice: health, recordings, verified originals)") { urls };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var app = EvidenceVaultApi.Build(GlobalOptions.Settings(parse), parse.GetValue(urls) ?? []);
                await app.StartAsync(ct);
                Console.WriteLine($"evidencevault: serving on {string.Join(", ", app.Urls)} (Ctrl+C stops)");
                await app.WaitForShutdownAsync(ct);
                return ExitCodes.Ok;
            }
            catch (ConfigurationException ex)
            {
                await Console.Error.WriteLineAsync($"evidencevault: {ex.Message}");
                return ExitCodes.UsageOrConfiguration;
            }
        });
        return command;
    }
}
