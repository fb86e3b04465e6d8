using System.CommandLine;
using System.Globalization;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault draw commit|spot-check|reveal|show|verify|review|stats</c>: random draws anyone can repeat (双随机, 抽查).</summary>
internal static class DrawCommandLine
{
    public static Command Create()
    {
        var command = new Command("draw", "Random, verifiable draws (双随机一公开, 抽查): commit to a list and a future public seed, reveal, verify");
        foreach (var sub in new[] { Commit(), SpotCheck(), Reveal(), Show(), DrawVerifyCommand.Create(), DrawReviewCommands.Review(), DrawReviewCommands.Stats() })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    /// <summary>The <c>--n</c> option: one number for the list or every stratum, or stratum=number per stratum.</summary>
    internal static Option<string[]> QuotaOption() => new("--n")
    {
        Description = "How many to take: one number (from the list, or from every stratum), or stratum=N once per stratum",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    internal static CandidateList ReadList(string path) => CandidateList.Parse(File.ReadAllText(path));

    internal static string Text(Draw d) => string.Join(
        Environment.NewLine,
        new[]
        {
            $"{d.Id} {DrawDocuments.Kind(d.Kind)} \"{d.Title}\": {d.Candidates.Candidates.Count} candidates{(d.Candidates.IsStratified ? $" in {d.Candidates.Strata.Count} strata" : string.Empty)}, take {d.Quota}",
            $"  list sha256  {d.ListHash}",
            $"  seed source  {d.SeedSource} (due {Wire.Time(d.SeedDueAt)})",
            $"  commitment   {d.Commitment}",
        }.Concat(d.Reveal is { } r
            ? [$"  revealed     {Wire.Time(r.At)} by {r.By} with seed '{r.Seed}'{(r.Grant is { } g ? $", grant {g}" : string.Empty)}", .. r.Selected.Select(c => $"  selected     {c.Line.Replace('\t', ' ')}")]
            : ["  not revealed yet"]));

    private static Command Commit()
    {
        var title = new Option<string>("--title") { Description = "What is drawn and why", Required = true };
        var list = new Option<string>("--list") { Description = "Candidate list file: one id per line, or stratum TAB id", Required = true };
        var seed = new SeedOptions();
        var kind = new Option<string>("--kind") { Description = "general, inspection-targets or inspectors", DefaultValueFactory = _ => "general" };
        var quota = QuotaOption();
        var command = new Command("commit", "Commit to a draw: prints the list hash and the commitment to publish before the seed exists") { title, list, seed.Source, seed.Due, kind, quota, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new CommitDrawCommand(
                DrawDocuments.ParseKind(parse.GetValue(kind)!),
                parse.GetValue(title)!,
                ReadList(parse.GetValue(list)!).Candidates,
                seed.SourceOf(parse),
                DrawQuota.Parse(parse.GetValue(quota) ?? []),
                seed.DueOf(parse)),
            DrawDocuments.Draw,
            Text,
            ct)));
        return command;
    }

    private static Command SpotCheck()
    {
        var title = new Option<string>("--title") { Description = "What is checked and why", Required = true };
        var from = new Option<DateOnly>("--from") { Description = "First day of recordings (yyyy-MM-dd)", Required = true };
        var until = new Option<DateOnly>("--until") { Description = "Last day, included (yyyy-MM-dd)", Required = true };
        var by = new Option<SpotCheckStrata>("--by") { Description = "Stratify by officer or unit (each with the month recorded)", DefaultValueFactory = _ => SpotCheckStrata.Officer };
        var n = new Option<int>("--n") { Description = "How many recordings to draw from each stratum", Required = true };
        var seed = new SeedOptions();
        var command = new Command("spot-check", "Commit to a spot check of recordings (执法记录抽查); its reveal issues a 抽查 grant for exactly the sample")
        {
            title, from, until, by, n, seed.Source, seed.Due, CasesCommandLine.JsonOption,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new CommitSpotCheckCommand(
                parse.GetValue(title)!,
                parse.GetValue(from),
                parse.GetValue(until),
                parse.GetValue(by),
                parse.GetValue(n),
                seed.SourceOf(parse),
                seed.DueOf(parse)),
            DrawDocuments.Draw,
            Text,
            ct)));
        return command;
    }

    private static Command Reveal()
    {
        var id = new Argument<string>("id") { Description = "Draw number (D-<n>)" };
        var seed = new Option<string>("--seed") { Description = "The seed's public value, exactly as published", Required = true };
        var command = new Command("reveal", "Enter the public seed once it is due and fix the outcome (once)") { id, seed, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new RevealDrawCommand(DrawId.Parse(parse.GetValue(id)!), DrawSeed.Parse(parse.GetValue(seed)!)), DrawDocuments.Draw, Text, ct)));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string?>("id") { Description = "Draw number (D-<n>); without it, every draw", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("show", "Show a draw's terms, commitment and outcome, or list every draw") { id, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var mediator = services.GetRequiredService<IMediator>();
            if (parse.GetValue(id) is { } number)
            {
                var draw = await mediator.Send(new ShowDrawQuery(DrawId.Parse(number)), ct);
                CasesCommandLine.Print(parse, DrawDocuments.Draw(draw), Text(draw));
            }
            else
            {
                var draws = await mediator.Send(new ListDrawsQuery(), ct);
                CasesCommandLine.Print(parse, new DrawList([.. draws.Select(DrawDocuments.Draw)]), string.Join(Environment.NewLine, draws.Select(Text)));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    internal static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : throw new FormatException($"'{text}' is not a time (e.g. 2026-12-10T21:30+08:00).");
}
