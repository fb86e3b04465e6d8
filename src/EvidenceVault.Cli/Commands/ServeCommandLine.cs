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
            Description = $"Where to listen (default {EvidenceVaultApi.DefaultUrl}; plain HTTP, so put a TLS proxy in front before listening beyond loopback)",
            AllowMultipleArgumentsPerToken = true,
        };
        var notice = new Option<FileInfo?>("--notice-file") { Description = "UTF-8 text file with the system-use notice shown on sign-in (default: built-in Chinese and English)" };
        var command = new Command("serve", "Serve the HTTP API (first slice: health, sign-in, recordings, verified originals)") { urls, notice };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var settings = GlobalOptions.Settings(parse) with { SystemUseNotice = ReadNotice(parse.GetValue(notice)) };
                await using var app = EvidenceVaultApi.Build(settings, parse.GetValue(urls) ?? []);
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
