using System.CommandLine;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Cli.Output;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault fixity run</c>: rolling, throttled re-hashing of stored originals.</summary>
internal static class FixityCommandLine
{
    public static Command Create() => new("fixity", "Scheduled fixity: re-hash stored originals, least recently checked first") { Run() };

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
            var failures = report.Results.Where(r => r.State != FixityState.Intact).ToList();
            if (parse.GetValue(json))
            {
                Wire.Print(new
                {
                    checkedCount = report.Results.Count,
                    intact = report.Results.Count - failures.Count,
                    timeLimitReached = report.TimeLimitReached,
                    checkedRecordings = report.Results.Select(r => r.Id.Value),
                    failures = failures.Select(f => new { recordingId = f.Id.Value, state = Wire.Kind(f.State), expected = f.Expected.Hex, actual = f.Actual }),
                    incidentsRaised = report.IncidentsRaised,
                });
            }
            else
            {
                foreach (var f in failures)
                {
                    Console.WriteLine($"{f.Id}  {Wire.Kind(f.State).ToUpperInvariant()}  expected {f.Expected}{(f.Actual is null ? string.Empty : $", found {f.Actual}")}");
                }

                Console.WriteLine($"{report.Results.Count} originals checked: {report.Results.Count - failures.Count} intact, {failures.Count} changed or missing, "
                    + $"{report.IncidentsRaised.Count} new incidents{(report.TimeLimitReached ? " (time limit reached)" : string.Empty)}.");
            }

            return report.AllIntact ? ExitCodes.Ok : ExitCodes.IntegrityFailure;
        }));
        return command;
    }
}
