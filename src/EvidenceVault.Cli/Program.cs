using System.CommandLine;
using EvidenceVault.Cli;
using EvidenceVault.Cli.Commands;

var root = new RootCommand("EvidenceVault: secure, verify and retrieve law-enforcement recordings (行政执法全过程记录).");
GlobalOptions.AddTo(root);
root.Subcommands.Add(IngestCommandLine.Create());
root.Subcommands.Add(ProcessCommandLine.Create());
root.Subcommands.Add(RecordingsCommandLine.Create());
root.Subcommands.Add(VerifyCommandLine.Create());
root.Subcommands.Add(MediaCommandLine.Create());
root.Subcommands.Add(AuditCommandLine.Create());
root.Subcommands.Add(CasesCommandLine.Create());
root.Subcommands.Add(RegistryCommandLine.Officers());
root.Subcommands.Add(RegistryCommandLine.Devices());
root.Subcommands.Add(AddCommandLine.Create());
root.Subcommands.Add(DeadlinesCommandLine.Create());
return await root.Parse(args).InvokeAsync();
