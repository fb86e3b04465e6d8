using System.CommandLine;
using EvidenceVault.Application.Cases;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault cases timeline &lt;case&gt;</c>: the full-process record of a case, stage by stage.</summary>
internal static class CaseTimelineCommand
{
    public static Command Create()
    {
        var number = CasesCommandLine.NumberArgument();
        var command = new Command("timeline", "Every stage in order with its records aligned by time, and what is missing") { number, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var timeline = await services.GetRequiredService<IMediator>().Send(new CaseTimelineQuery(CaseNumber.Parse(parse.GetValue(number)!)), ct);
            CasesCommandLine.Print(parse, CaseDocuments.Timeline(timeline), Text(timeline));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Text(CaseTimeline t)
    {
        var lines = new List<string> { $"Case {t.Case.Number} ({t.Case.Type}, {t.Case.Party}) — {Wire.Kind(t.Case.Status)}" };
        foreach (var stage in t.Stages)
        {
            lines.Add($"  {stage.Stage}");
            lines.AddRange(stage.Activities.Select(a => $"    activity {a.Id}: {a.ActivityType}  {Wire.Time(a.Start)} .. {Wire.Time(a.End)}  {a.Place}"));
            lines.AddRange(stage.Records.Select(r => $"    {Wire.Time(r.Recording.RecordedAt) ?? "-",-25}  {Wire.Kind(r.Recording.Kind),-5}  {r.Recording.Id}  {r.Link.DocumentType ?? string.Empty}  ({Wire.Kind(r.Link.Origin)})"));
        }

        lines.AddRange(t.Suggestions.Select(s => $"  suggested: {s.Recording.Id} — {s.Link.Reason}"));
        lines.AddRange(t.Findings.Select(f => $"  MISSING [{f.Stage}] {f.Message}"));
        return string.Join(Environment.NewLine, lines);
    }
}
