using System.CommandLine;
using EvidenceVault.Application.Audit;
using EvidenceVault.Application.Custody;
using EvidenceVault.Cli.Output;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault audit verify|checkpoint|show</c>: the hash-chained custody log and its signed checkpoints.</summary>
internal static class AuditCommandLine
{
    public static Command Create() => new("audit", "The custody log: verify its hash chain and checkpoints, write a checkpoint, show a subject's chain of custody") { Verify(), Checkpoint(), Show() };

    private static Command Verify()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("verify", "Recompute the custody hash chain and check it against the signed checkpoints; report what does not hold and the verified head") { json };
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

                PrintCheckpoints(report.Ledger);
            }

            return report.Intact ? ExitCodes.Ok : ExitCodes.IntegrityFailure;
        }));
        return command;
    }

    private static void PrintCheckpoints(LedgerReport ledger)
    {
        foreach (var problem in ledger.Problems)
        {
            Console.WriteLine($"CHECKPOINT {problem.Checkpoint}: {problem.Problem}");
        }

        foreach (var sequence in ledger.UnverifiedRotations)
        {
            Console.WriteLine($"ROTATION at entry {sequence}: not signed by both the old and the new key");
        }

        Console.WriteLine(ledger.Head is { } head
            ? $"{ledger.Checkpoints} checkpoints; verified head: size {head.Size}, root {head.RootHex} ({head.RootBase64}), signed {Wire.Time(head.Time)} by key {head.KeyId}; {ledger.Entries - head.Size} entries since"
            : $"{ledger.Checkpoints} checkpoints; no verified head yet (write one with `evidencevault audit checkpoint`)");
    }

    private static Command Checkpoint()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("checkpoint", "Sign the custody log's size and Merkle root with the vault key and store it write-once in the vault") { json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var stored = await services.GetRequiredService<IMediator>().Send(new WriteCheckpointCommand(), ct);
            var c = stored.Checkpoint;
            var root = Convert.ToHexStringLower(c.RootBytes());
            if (parse.GetValue(json))
            {
                Wire.Print(new { checkpoint = stored.Name, size = c.Size, rootHex = root, rootBase64 = c.RootHash, time = Wire.Time(c.Time), note = stored.Note.Format() });
            }
            else
            {
                Console.WriteLine($"checkpoint {stored.Name}: size {c.Size}, root {root} ({c.RootHash}), {Wire.Time(c.Time)}");
                Console.Write(stored.Note.Format());
            }

            return ExitCodes.Ok;
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
                Wire.Print(new CustodyList([.. records.Select(AuditDocuments.Custody)]));
                return ExitCodes.Ok;
            }

            foreach (var r in records)
            {
                Console.WriteLine(Terminal.Text($"{r.Sequence,6}  {Wire.Time(r.Entry.At)}  {r.Entry.Actor,-24}  {r.Entry.Action,-28}  {r.Entry.Subject}  {r.Entry.Details}"));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
