using System.CommandLine;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Cli.Output;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault verify</c>: re-hash every stored original and compare every derivative with its recorded digest.</summary>
internal static class VerifyCommandLine
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("verify", "Re-hash every stored original and derivative; name each one whose bytes changed or went missing") { json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var report = await services.GetRequiredService<IMediator>().Send(new VerifyVaultCommand(), ct);
            if (parse.GetValue(json))
            {
                Wire.Print(FixityWire.Json(report.Results));
            }
            else
            {
                FixityWire.PrintText(report.Results);
            }

            return report.AllIntact ? ExitCodes.Ok : ExitCodes.IntegrityFailure;
        }));
        return command;
    }
}
