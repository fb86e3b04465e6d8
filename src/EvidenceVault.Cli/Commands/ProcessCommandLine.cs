using System.CommandLine;
using EvidenceVault.Application.Media;
using EvidenceVault.Cli.Output;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault process</c>: run queued media work (probe, proxy, thumbnail).</summary>
internal static class ProcessCommandLine
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("process", "Run queued media work: probe, browser proxy, thumbnail") { json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var result = await services.GetRequiredService<IMediator>().Send(new ProcessMediaCommand(), ct);
            if (parse.GetValue(json))
            {
                Wire.Print(new { done = result.Done, failed = result.Failed, pending = result.Pending });
            }
            else
            {
                Console.WriteLine($"{result.Done} media jobs done, {result.Failed} failed (will retry), {result.Pending} pending.");
            }

            return result.Failed == 0 ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
        }));
        return command;
    }
}
