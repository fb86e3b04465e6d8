using System.CommandLine;
using EvidenceVault.Api;
using EvidenceVault.Hosting;
using Microsoft.Extensions.Hosting;

namespace EvidenceVault.Cli.Commands;

/// <summary>
/// <c>evidencevault serve</c>: the HTTP API and the job workers over the same data folder and use cases, until Ctrl+C.
/// <c>--role api|worker|all</c> splits them across processes (all share the catalog's job queue).
/// </summary>
internal static class ServeCommandLine
{
    public static Command Create()
    {
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Where to listen (default {EvidenceVaultApi.DefaultUrl}; keep it on loopback until bearer tokens land)",
            AllowMultipleArgumentsPerToken = true,
        };
        var role = new Option<ServeRole>("--role") { Description = "api (HTTP only), worker (job workers only, no listener) or all", DefaultValueFactory = _ => ServeRole.All };
        var workers = new Option<int>("--workers") { Description = "How many jobs this process runs at once (default 1)", DefaultValueFactory = _ => 1 };
        var command = new Command("serve", "Serve the HTTP API and run the background job workers") { urls, role, workers };
        command.SetAction(async (parse, ct) =>
        {
            var (chosen, count) = (parse.GetValue(role), parse.GetValue(workers));
            if (count < 1)
            {
                await Console.Error.WriteLineAsync("evidencevault: --workers must be at least 1");
                return ExitCodes.UsageOrConfiguration;
            }

            try
            {
                if (chosen == ServeRole.Worker)
                {
                    using var host = JobWorkers.BuildHost(GlobalOptions.Settings(parse), count);
                    await host.StartAsync(ct);
                    Console.WriteLine($"evidencevault: {count} job workers running (Ctrl+C stops)");
                    await host.WaitForShutdownAsync(ct);
                    return ExitCodes.Ok;
                }

                await using var app = EvidenceVaultApi.Build(GlobalOptions.Settings(parse), parse.GetValue(urls) ?? [], chosen == ServeRole.All ? count : 0);
                await app.StartAsync(ct);
                var running = chosen == ServeRole.All ? $" with {count} job workers" : string.Empty;
                Console.WriteLine($"evidencevault: serving on {string.Join(", ", app.Urls)}{running} (Ctrl+C stops)");
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
