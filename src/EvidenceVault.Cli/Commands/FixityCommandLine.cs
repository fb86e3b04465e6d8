using System.CommandLine;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Cli.Output;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault fixity run</c>: rolling, throttled re-hashing of stored originals.</summary>
internal static class FixityCommandLine
{
    public static Command Create() => new("fixity", "Scheduled fixity: re-hash stored originals and their derivatives, least recently checked first") { Run() };

    private static Command Run()
    {
        var budget = new Option<double?>("--budget-mb-per-s") { Description = "Read at most this many MB (10^6 bytes) per second" };
        var maxItems = new Option<int?>("--max-items") { Description = "Check at most this many originals" };
        var maxSeconds = new Option<double?>("--max-seconds") { Description = "Start no new check after this many seconds" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("run", "Re-hash originals in rolling order within an I/O budget; raise an incident for each changed or missing one")
        {
            budget, maxItems, maxSeconds, json,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var run = new RunFixityCommand(parse.GetValue(budget), parse.GetValue(maxItems), parse.GetValue(maxSeconds) is { } s ? TimeSpan.FromSeconds(s) : null);
            var report = await services.GetRequiredService<IMediator>().Send(run, ct);
            if (parse.GetValue(json))
            {
                var document = FixityWire.Json(report.Results);
                document["timeLimitReached"] = report.TimeLimitReached;
                document["checkedRecordings"] = report.Results.Select(r => r.Id.Value).Distinct();
                document["incidentsRaised"] = report.IncidentsRaised;
                Wire.Print(document);
            }
            else
            {
                FixityWire.PrintText(report.Results, $"; {report.IncidentsRaised.Count} new incidents{(report.TimeLimitReached ? " (time limit reached)" : string.Empty)}");
            }

            return report.AllIntact ? ExitCodes.Ok : ExitCodes.IntegrityFailure;
        }));
        return command;
    }
}
