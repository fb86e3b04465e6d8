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
        var urls = UrlsOption(EvidenceVaultApi.DefaultUrl);
        var notice = new Option<FileInfo?>("--notice-file") { Description = "UTF-8 text file with the system-use notice shown on sign-in (default: built-in Chinese and English)" };
        var role = new Option<ServeRole>("--role") { Description = "api (HTTP only), worker (job workers only, no listener) or all", DefaultValueFactory = _ => ServeRole.All };
        var workers = new Option<int>("--workers") { Description = "How many jobs this process runs at once (default 1)", DefaultValueFactory = _ => 1 };
        var publicUrl = new Option<string?>("--public-url") { Description = "The address clients reach the API at (e.g. https://vault.example behind a proxy), for absolute upload URLs; default relative URLs" };
        var command = new Command("serve", "Serve the HTTP API and run the background job workers") { urls, notice, role, workers, publicUrl };
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
                var settings = GlobalOptions.Settings(parse) with
                {
                    SystemUseNotice = ReadNotice(parse.GetValue(notice)),
                    PublicBaseUrl = PublicUrl(parse.GetValue(publicUrl)),
                };
                if (chosen == ServeRole.Worker)
                {
                    using var host = JobWorkers.BuildHost(settings, count);
                    await host.StartAsync(ct);
                    Console.WriteLine($"evidencevault: {count} job workers running (Ctrl+C stops)");
                    await host.WaitForShutdownAsync(ct);
                    return ExitCodes.Ok;
                }

                await using var app = EvidenceVaultApi.Build(settings, parse.GetValue(urls) ?? [], chosen == ServeRole.All ? count : 0);
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

    /// <summary>The <c>--urls</c> option of every command that listens (serve, public).</summary>
    public static Option<string[]> UrlsOption(string defaultUrl) => new("--urls")
    {
        Description = $"Where to listen (default {defaultUrl}; plain HTTP, so put a TLS proxy in front before listening beyond loopback)",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Uri? PublicUrl(string? text) =>
        text is null ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment) ? url
        : throw new ConfigurationException($"--public-url '{text}' is not an absolute http(s) URL without query or fragment.");

    private static string? ReadNotice(FileInfo? file)
    {
        try
        {
            return file is null ? null : File.ReadAllText(file.FullName).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"Cannot read the notice file {file!.FullName}: {ex.Message}");
        }
    }
}
