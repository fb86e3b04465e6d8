using System.CommandLine;
using EvidenceVault.Hosting;
using EvidenceVault.Public;
using Microsoft.Extensions.Hosting;

namespace EvidenceVault.Cli.Commands;

/// <summary>
/// <c>evidencevault public</c>: the anonymous disclosure site, in its own process and on its own port, until Ctrl+C.
/// It is composed of the published projection's read port alone (no vault, users or ledger).
/// </summary>
internal static class PublicCommandLine
{
    public static Command Create()
    {
        var urls = ServeCommandLine.UrlsOption(PublicSite.DefaultUrl);
        var command = new Command("public", "Serve the public disclosure site (公示): published decisions, feeds and ledger heads, read-only") { urls };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var settings = GlobalOptions.Settings(parse);
                await using var app = PublicSite.Build(
                    parse.GetValue(urls) ?? [],
                    services => services.AddPublishedProjection(settings).AddRequestIntake(settings),
                    RecorderProfiles.Zone(settings.LocalTimeZone),
                    o => ServiceConfiguration.Bind(settings.Configuration, PublicSiteOptions.SectionName, o));
                await app.StartAsync(ct);
                Console.WriteLine($"evidencevault: public site on {string.Join(", ", app.Urls)} (Ctrl+C stops)");
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
