using System.CommandLine;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.SpotChecks;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault draw review|stats</c>: the checklist review of a spot check's sample, and its figures.</summary>
internal static class DrawReviewCommands
{
    public static Command Review()
    {
        var id = new Argument<string>("id") { Description = "Spot-check draw number (D-<n>)" };
        var recording = new Argument<string>("recording") { Description = "A sampled recording id" };
        var failed = new Option<string[]>("--failed") { Description = "A checklist item not met (repeat); every other item is met", AllowMultipleArgumentsPerToken = true };
        var notes = new Option<string[]>("--note") { Description = "item=what was seen (repeat)", AllowMultipleArgumentsPerToken = true };
        var followUp = new Option<string?>("--follow-up") { Description = "The follow-up (整改) asked for; required when an item fails" };
        var command = new Command("review", "Record the checklist review of one sampled recording, under the draw's grant") { id, recording, failed, notes, followUp, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services =>
        {
            var checklist = services.GetRequiredService<SpotCheckLimits>().Checklist;
            var failing = (parse.GetValue(failed) ?? []).Select(f => f.Trim()).ToHashSet(StringComparer.Ordinal);
            var noted = (parse.GetValue(notes) ?? []).Select(n => n.Split('=', 2)).ToDictionary(
                n => n[0].Trim(), n => n.Length == 2 ? n[1].Trim() : throw new FormatException($"'{n[0]}' is not item=note."), StringComparer.Ordinal);
            var findings = checklist.Select(i => new ChecklistFinding(i, !failing.Contains(i), noted.GetValueOrDefault(i)))
                .Concat(failing.Concat(noted.Keys).Where(i => !checklist.Contains(i, StringComparer.Ordinal)).Distinct().Select(i => new ChecklistFinding(i, false, null)));
            return CasesCommandLine.SendAsync(
                parse,
                services,
                new ReviewSpotCheckCommand(DrawId.Parse(parse.GetValue(id)!), RecordingId.Parse(parse.GetValue(recording)!), [.. findings], parse.GetValue(followUp)),
                DrawDocuments.Review,
                r => $"{r.Recording} in {r.Draw}: {(r.Passed ? "passed" : "failed " + string.Join("; ", r.Findings.Where(f => !f.Met).Select(f => f.Item)) + $"; follow-up: {r.FollowUp}")}",
                ct);
        }));
        return command;
    }

    public static Command Stats()
    {
        var id = new Argument<string>("id") { Description = "Spot-check draw number (D-<n>)" };
        var command = new Command("stats", "A spot check's figures per officer or unit: sampled, reviewed, passed, failed items") { id, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var draw = DrawId.Parse(parse.GetValue(id)!);
            var figures = await services.GetRequiredService<IMediator>().Send(new SpotCheckStatisticsQuery(draw), ct);
            CasesCommandLine.Print(parse, DrawDocuments.Statistics(draw, figures), string.Join(Environment.NewLine, figures.Select(f =>
                $"{f.Who}: {f.Sampled} sampled, {f.Reviewed} reviewed, {f.Passed} passed{(f.FailedItems.Count == 0 ? string.Empty : "; failed: " + string.Join(", ", f.FailedItems.Select(i => $"{i.Key} ×{i.Value}")))}")));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
