using System.CommandLine;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Cli.Output;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault verify</c>: re-hash every stored original.</summary>
internal static class VerifyCommandLine
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("verify", "Re-hash every stored original; name each one whose bytes changed or went missing") { json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var report = await services.GetRequiredService<IMediator>().Send(new VerifyVaultCommand(), ct);
            var failures = report.Results.Where(r => r.State != FixityState.Intact).ToList();
            if (parse.GetValue(json))
            {
                Wire.Print(new
                {
                    checkedCount = report.Results.Count,
                    intact = report.Results.Count - failures.Count,
                    failures = failures.Select(f => new { recordingId = f.Id.Value, state = Wire.Kind(f.State), expected = f.Expected.Hex, actual = f.Actual }),
                });
            }
            else
            {
                foreach (var f in failures)
                {
                    Console.WriteLine($"{f.Id}  {Wire.Kind(f.State).ToUpperInvariant()}  expected {f.Expected}{(f.Actual is null ? string.Empty : $", found {f.Actual}")}");
                }

                Console.WriteLine($"{report.Results.Count} originals checked: {report.Results.Count - failures.Count} intact, {failures.Count} changed or missing.");
            }

            return report.AllIntact ? ExitCodes.Ok : ExitCodes.IntegrityFailure;
        }));
        return command;
    }
}
