using System.CommandLine;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Domain.Inspections;
using EvidenceVault.Hosting.Documents;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault inspection pool|task ...</c>: 双随机一公开, random inspections anyone can repeat.</summary>
internal static class InspectionCommandLine
{
    public static Command Create()
    {
        var pool = new Command("pool", "The target and inspector pools (检查对象名录, 执法检查人员名录): import a new version, show one");
        pool.Subcommands.Add(Import());
        pool.Subcommands.Add(Show());
        var command = new Command("inspection", "双随机一公开: pools, tasks drawn by two committed draws, recusals, outcomes, publication");
        command.Subcommands.Add(pool);
        command.Subcommands.Add(InspectionTaskCommands.Create());
        return command;
    }

    internal static string Text(InspectionPool p) =>
        $"pool v{p.Version} {InspectionDocuments.PoolKind(p.Kind)}: {p.Members} members, sha256 {p.Sha256}, imported {Output.Wire.Time(p.ImportedAt)} by {p.ImportedBy}";

    private static Argument<string> KindArgument() => new("kind") { Description = "targets or inspectors" };

    private static Command Import()
    {
        var kind = KindArgument();
        var file = new Option<string>("--file") { Description = $"UTF-8 CSV with header {PoolCsv.TargetHeader} (targets) or {PoolCsv.InspectorHeader} (inspectors: 执法证件号码 first)", Required = true };
        var command = new Command("import", "Import a pool file as the pool's new version; its SHA-256 goes to the ledger") { kind, file, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services => await CasesCommandLine.SendAsync(
            parse,
            services,
            new ImportInspectionPoolCommand(InspectionDocuments.ParsePoolKind(parse.GetValue(kind)!), await File.ReadAllTextAsync(parse.GetValue(file)!, ct)),
            InspectionDocuments.Pool,
            Text,
            ct)));
        return command;
    }

    private static Command Show()
    {
        var kind = KindArgument();
        var version = new Option<long?>("--version") { Description = "A given version (default: the newest)" };
        var command = new Command("show", "Show a pool version: members, SHA-256, who imported it") { kind, version, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => InspectionTaskCommands.QueryAsync(
            parse,
            services,
            new ShowInspectionPoolQuery(InspectionDocuments.ParsePoolKind(parse.GetValue(kind)!), parse.GetValue(version)),
            p => InspectionDocuments.Pool(p),
            p => Text(p) + Environment.NewLine + p.Csv.TrimEnd(),
            ct)));
        return command;
    }
}
