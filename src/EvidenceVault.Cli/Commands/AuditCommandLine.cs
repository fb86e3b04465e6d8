using System.CommandLine;
using EvidenceVault.Application.Audit;
using EvidenceVault.Cli.Output;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault audit verify|show</c>: the hash-chained custody log.</summary>
internal static class AuditCommandLine
{
    public static Command Create() => new("audit", "The custody log: verify its hash chain, show a subject's chain of custody") { Verify(), Show() };

    private static Command Verify()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("verify", "Recompute the custody hash chain; report the first broken or missing entry") { json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var report = await services.GetRequiredService<IMediator>().Send(new VerifyCustodyChainQuery(), ct);
            if (parse.GetValue(json))
            {
                Wire.Print(AuditDocuments.Chain(report));
            }
            else
            {
                Console.WriteLine(report.FirstBreak is { } b
                    ? $"BROKEN at entry {b.Sequence}: {b.Problem}"
                    : $"{report.Entries} custody entries, chain intact.");
                foreach (var row in report.EditedRows)
                {
                    Console.WriteLine($"EDITED {row.Table} row {row.Key}: {row.Problem}");
                }
            }

            return report.Intact ? ExitCodes.Ok : ExitCodes.IntegrityFailure;
        }));
        return command;
    }

    private static Command Show()
    {
        var subject = new Option<string?>("--subject") { Description = "A recording id, case number or source location (default: everything)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("show", "Show the chain of custody of one subject, oldest first") { subject, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var records = await services.GetRequiredService<IMediator>().Send(new ShowCustodyQuery(parse.GetValue(subject)), ct);
            if (parse.GetValue(json))
            {
                Wire.Print(new { entries = records.Select(AuditDocuments.Custody) });
                return ExitCodes.Ok;
            }

            foreach (var r in records)
            {
                Console.WriteLine($"{r.Sequence,6}  {Wire.Time(r.Entry.At)}  {r.Entry.Actor,-24}  {r.Entry.Action,-28}  {r.Entry.Subject}  {r.Entry.Details}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
