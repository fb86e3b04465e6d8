using System.CommandLine;
using EvidenceVault.Application.Retention;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Retention;
using EvidenceVault.Hosting.Documents;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault recordings mark|unmark|categorize</c>: the facts that set a recording's retention term.</summary>
internal static class RecordingRetentionCommands
{
    public static IEnumerable<Command> Create() => [Mark(), Unmark(), Categorize()];

    private static Command Mark()
    {
        var id = IdArgument();
        var mark = MarkArgument();
        var caseNumber = new Option<string?>("--case") { Description = "The case (required for an evidence mark)" };
        var reason = ReasonOption();
        var command = new Command("mark", "Mark a recording: evidence (with --case), obstruction, major-incident, complex-case or complaint") { id, mark, caseNumber, reason, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new MarkRecordingCommand(RecordingId.Parse(parse.GetValue(id)!), RecordingMarks.Parse(parse.GetValue(mark)!), parse.GetValue(caseNumber) is { } c ? CaseNumber.Parse(c) : null, parse.GetValue(reason)!),
            RetentionDocuments.Retention,
            r => $"Recording {r.Recording.Id} marked {parse.GetValue(mark)}; retention now {Describe(r)}.",
            ct)));
        return command;
    }

    private static Command Unmark()
    {
        var id = IdArgument();
        var mark = MarkArgument();
        var reason = ReasonOption();
        var command = new Command("unmark", "Remove a mark (archivists only)") { id, mark, reason, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new UnmarkRecordingCommand(RecordingId.Parse(parse.GetValue(id)!), RecordingMarks.Parse(parse.GetValue(mark)!), parse.GetValue(reason)!),
            RetentionDocuments.Retention,
            r => $"Recording {r.Recording.Id}: mark {parse.GetValue(mark)} removed; retention now {Describe(r)}.",
            ct)));
        return command;
    }

    private static Command Categorize()
    {
        var id = IdArgument();
        var category = new Argument<string>("category") { Description = "A retention category from the rules, or 'none' to clear it" };
        var reason = ReasonOption();
        var command = new Command("categorize", "Give a recording a retention category") { id, category, reason, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new CategorizeRecordingCommand(RecordingId.Parse(parse.GetValue(id)!), parse.GetValue(category) is "none" ? null : parse.GetValue(category), parse.GetValue(reason)!),
            RetentionDocuments.Retention,
            r => $"Recording {r.Recording.Id}: category {r.Inputs.Category ?? "none"}; retention now {Describe(r)}.",
            ct)));
        return command;
    }

    private static string Describe(RecordingRetention r) =>
        r.Term.IsDated ? $"until {Wire.Time(r.Term.ExpiresAt)} ({r.Term.Rule})" : $"{r.Term.State} ({r.Term.Rule})";

    private static Argument<string> IdArgument() => new("id") { Description = "Recording id" };

    private static Argument<string> MarkArgument() => new("mark") { Description = "evidence, obstruction, major-incident, complex-case or complaint" };

    private static Option<string> ReasonOption() => new("--reason") { Description = "Why (kept in the custody ledger)", Required = true };
}
