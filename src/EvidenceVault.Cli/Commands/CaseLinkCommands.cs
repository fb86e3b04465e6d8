using System.CommandLine;
using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting.Documents;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault cases attach|detach</c>: manual links, always with a reason.</summary>
internal static class CaseLinkCommands
{
    public static Command Attach()
    {
        var number = CasesCommandLine.NumberArgument();
        var recording = new Argument<string>("recording") { Description = "Recording id" };
        var stage = new Option<string>("--stage") { Description = "The stage it documents (default: investigation)" };
        var reason = new Option<string>("--reason") { Description = "Why it belongs to the case", Required = true };
        var document = new Option<string?>("--document-type") { Description = "For written records: decision, proof-of-service, notice, inspection-notes..." };
        var activity = new Option<long?>("--activity") { Description = "One of the case's activities (`cases show`): the recording documents it, at its stage" };
        var command = new Command("attach", "Attach a recording or written record to a case stage") { number, recording, stage, reason, document, activity, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new AttachRecordingCommand(
                CaseNumber.Parse(parse.GetValue(number)!),
                RecordingId.Parse(parse.GetValue(recording)!),
                parse.GetValue(stage) is { } s ? CaseTerms.ParseStage(s) : ProcedureStage.Investigation,
                parse.GetValue(reason)!,
                parse.GetValue(document),
                parse.GetValue(activity)),
            CaseDocuments.Link,
            l => $"Recording {l.Recording} attached to case {l.Case} ({l.Stage}).",
            ct)));
        return command;
    }

    public static Command Detach()
    {
        var number = CasesCommandLine.NumberArgument();
        var recording = new Argument<string>("recording") { Description = "Recording id" };
        var reason = new Option<string>("--reason") { Description = "Why it is detached", Required = true };
        var command = new Command("detach", "Detach a recording from a case (the recording itself is untouched)") { number, recording, reason, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new DetachRecordingCommand(CaseNumber.Parse(parse.GetValue(number)!), RecordingId.Parse(parse.GetValue(recording)!), parse.GetValue(reason)!),
            _ => new DetachResult(true),
            _ => "Detached.",
            ct)));
        return command;
    }
}
