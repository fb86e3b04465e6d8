using System.CommandLine;
using EvidenceVault.Application.Diagnostics;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault doctor</c>: backends, how retention is enforced (native WORM or the fallback), and health.</summary>
internal static class DoctorCommandLine
{
    public static Command Create()
    {
        var command = new Command("doctor", "Check the installation: vault, retention enforcement, queue, custody chain") { CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var report = await services.GetRequiredService<IMediator>().Send(new DiagnoseQuery(), ct);
            CasesCommandLine.Print(
                parse,
                new
                {
                    vault = report.Vault,
                    retentionEnforcement = report.RetentionEnforcement,
                    pendingMediaJobs = report.PendingMediaJobs,
                    activeHolds = report.ActiveHolds,
                    custodyChain = report.CustodyChain,
                    problems = report.Problems,
                },
                string.Join(
                    Environment.NewLine,
                    [
                        $"vault:                 {report.Vault}",
                        $"retention enforcement: {report.RetentionEnforcement}",
                        $"pending media jobs:    {report.PendingMediaJobs}",
                        $"active legal holds:    {report.ActiveHolds}",
                        $"custody chain:         {report.CustodyChain}",
                        .. report.Problems.Select(p => $"PROBLEM: {p}"),
                    ]));
            return report.Problems.Count == 0 ? ExitCodes.Ok : ExitCodes.IntegrityFailure;
        }));
        return command;
    }
}
