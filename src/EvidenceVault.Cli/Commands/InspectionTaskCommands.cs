using System.CommandLine;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault inspection task create|reveal|recuse|outcome|publish|show|list</c>.</summary>
internal static class InspectionTaskCommands
{
    public static Command Create()
    {
        var command = new Command("task", "双随机 tasks: commit two draws, reveal with the public seed, recuse, record outcomes, publish");
        foreach (var sub in new[] { CreateTask(), Reveal(), Recuse(), Outcome(), Publish(), Show(), List() })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    internal static async Task<int> QueryAsync<T>(ParseResult parse, IServiceProvider services, IQuery<T> query, Func<T, object> toJson, Func<T, string> toText, CancellationToken ct)
    {
        var result = await services.GetRequiredService<IMediator>().Send(query, ct);
        CasesCommandLine.Print(parse, toJson(result), toText(result));
        return ExitCodes.Ok;
    }

    private static string Text(InspectionTask t) => string.Join(
        Environment.NewLine,
        new[]
        {
            $"{t.Id} {t.Matter}: {t.Targets} targets × {t.PerTarget} inspectors, pools v{t.TargetPool}/v{t.InspectorPool}, draws {t.TargetDraw} (targets) and {t.InspectorDraw} (inspectors)",
            t.PublishedAt is { } p ? $"  published    {Wire.Time(p)}" : t.RevealedAt is { } r ? $"  revealed     {Wire.Time(r)}" : "  not revealed yet",
        }
        .Concat((t.Assignment ?? []).Select(a => $"  {a.Target}: {string.Join(", ", a.Inspectors)}"
            + (t.Outcomes.FirstOrDefault(o => o.Target == a.Target) is { } o ? $" — {InspectionResults.Label(o.Result)} ({o.Date:yyyy-MM-dd})" : string.Empty)))
        .Concat(t.Recusals.Select(r => $"  回避 {r.Inspector} at {r.Target} → {r.Replacement}: {r.Reason}")));

    private static Argument<string> IdArgument() => new("id") { Description = "Task number (IT-<n>)" };

    private static InspectionTaskId Id(ParseResult parse, Argument<string> id) => InspectionTaskId.Parse(parse.GetValue(id)!);

    private static Option<string> TargetOption() => new("--target") { Description = "The target's id (unified social credit code)", Required = true };

    private static Command CreateTask()
    {
        var matter = new Option<string>("--matter") { Description = "The matter, as on the published 随机抽查事项清单", Required = true };
        var n = new Option<int>("--n") { Description = "How many targets to draw", Required = true };
        var perTarget = new Option<int>("--per-target") { Description = "Inspectors per target (at least 2)", DefaultValueFactory = _ => InspectionAssignment.MinimumPerTarget };
        var category = new Option<string?>("--category") { Description = "Draw only pool rows of this category" };
        var area = new Option<string?>("--area") { Description = "Draw only pool rows of this area" };
        var seed = new SeedOptions();
        var command = new Command("create", "Create a task: commits the target draw and the inspector draw to the same future seed")
        {
            matter, n, perTarget, category, area, seed.Source, seed.Due, CasesCommandLine.JsonOption,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new CreateInspectionTaskCommand(
                parse.GetValue(matter)!,
                new PoolFilter(parse.GetValue(category), parse.GetValue(area)),
                parse.GetValue(n),
                parse.GetValue(perTarget),
                seed.SourceOf(parse),
                seed.DueOf(parse)),
            t => InspectionDocuments.Task(t),
            Text,
            ct)));
        return command;
    }

    private static Command Reveal()
    {
        var id = IdArgument();
        var seed = new Option<string>("--seed") { Description = "The seed's public value, exactly as published", Required = true };
        var command = new Command("reveal", "Enter the public seed once due: reveals both draws and fixes the assignment (ev-inspect-1)") { id, seed, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new RevealInspectionTaskCommand(Id(parse, id), DrawSeed.Parse(parse.GetValue(seed)!)), t => InspectionDocuments.Task(t), Text, ct)));
        return command;
    }

    private static Command Recuse()
    {
        var id = IdArgument();
        var target = TargetOption();
        var inspector = new Option<string>("--inspector") { Description = "The standing-down inspector's 执法证件号码", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (回避事由); required", Required = true };
        var replacement = new Option<string?>("--replacement") { Description = "Refused: the replacement is the ranking's next inspector, never a named one" };
        var command = new Command("recuse", "An inspector stands down (回避) from a target; the ranking names the replacement") { id, target, inspector, reason, replacement, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new RecuseInspectorCommand(Id(parse, id), parse.GetValue(target)!, parse.GetValue(inspector)!, parse.GetValue(reason)!, parse.GetValue(replacement)),
            InspectionDocuments.Recusal,
            r => $"回避 {r.Inspector} at {r.Target}; the ranking puts in {r.Replacement}",
            ct)));
        return command;
    }

    private static Command Outcome()
    {
        var id = IdArgument();
        var target = TargetOption();
        var result = new Option<string>("--result") { Description = "NoProblem 未发现问题, Rectification 发现问题已责令整改, CaseOpened, Unreachable, Obstructed", Required = true };
        var handling = new Option<string>("--handling") { Description = "How it was handled (处理情况)", Required = true };
        var date = new Option<DateOnly>("--date") { Description = "The inspection day (yyyy-MM-dd)", Required = true };
        var command = new Command("outcome", "Record the result at one drawn target") { id, target, result, handling, date, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new RecordInspectionOutcomeCommand(Id(parse, id), parse.GetValue(target)!, InspectionResults.Parse(parse.GetValue(result)!), parse.GetValue(handling)!, parse.GetValue(date)),
            InspectionDocuments.Outcome,
            o => $"{o.Target}: {InspectionResults.Label(o.Result)}, {o.Handling} ({o.Date:yyyy-MM-dd})",
            ct)));
        return command;
    }

    private static Command Publish()
    {
        var id = IdArgument();
        var command = new Command("publish", "Put the task's results on the public site (every drawn target needs its outcome)") { id, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new PublishInspectionResultsCommand(Id(parse, id)), p => p, p => $"{p.Task} published at {Wire.Time(p.PublishedAt)}: {p.Targets.Count} targets", ct)));
        return command;
    }

    private static Command Show()
    {
        var id = IdArgument();
        var command = new Command("show", "Show a task and replay it: pools, draws and the stored assignment are checked (exit 3 when they disagree)") { id, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var verification = await services.GetRequiredService<IMediator>().Send(new ShowInspectionTaskQuery(Id(parse, id)), ct);
            CasesCommandLine.Print(
                parse,
                InspectionDocuments.Task(verification.Task, verification),
                Text(verification.Task) + Environment.NewLine + (verification.Holds ? "  verified: pools, draws and assignment agree" : string.Join(Environment.NewLine, verification.Problems.Select(p => "  PROBLEM " + p))));
            return verification.Holds ? ExitCodes.Ok : ExitCodes.IntegrityFailure;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "Every task, newest first") { CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => QueryAsync(
            parse, services, new ListInspectionTasksQuery(), ts => new InspectionTaskListJson([.. ts.Select(t => InspectionDocuments.Task(t))]), ts => string.Join(Environment.NewLine, ts.Select(Text)), ct)));
        return command;
    }
}
