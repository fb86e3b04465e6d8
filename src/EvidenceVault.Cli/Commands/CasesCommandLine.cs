using System.CommandLine;
using EvidenceVault.Application.Cases;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault cases ...</c>: enforcement cases, their activities, review, decision and linked records.</summary>
internal static class CasesCommandLine
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON document on standard output" };

    public static Command Create()
    {
        var command = new Command("cases", "Enforcement cases (案件): create, list, show, close, reopen, activities, review, decide, revoke, attach, detach");
        foreach (var sub in new[] { CreateCase(), ListCases(), ShowCase(), CloseCase(), ReopenCase(), CaseActivityCommands.Create(), CaseDecisionCommands.Review(), CaseDecisionCommands.Decide(), CaseLinkCommands.Attach(), CaseLinkCommands.Detach(), CaseTimelineCommand.Create(),
            DeadlinesCommandLine.Revoke() })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    internal static Option<string[]> OfficersOption() => new("--officer") { Description = "Officer number (repeat for several)", AllowMultipleArgumentsPerToken = true };

    internal static Argument<string> NumberArgument() => new("case") { Description = "Case number" };

    internal static async Task<int> SendAsync<T>(ParseResult parse, IServiceProvider services, ICommand<T> command, Func<T, object> toJson, Func<T, string> toText, CancellationToken ct)
    {
        var result = await services.GetRequiredService<IMediator>().Send(command, ct);
        Print(parse, toJson(result), toText(result));
        return ExitCodes.Ok;
    }

    internal static void Print(ParseResult parse, object json, string text)
    {
        if (parse.GetValue(Json))
        {
            Wire.Print(json);
        }
        else
        {
            Console.WriteLine(Terminal.Text(text, multiLine: true));
        }
    }

    internal static Option<bool> JsonOption => Json;

    private static Command CreateCase()
    {
        var number = NumberArgument();
        var type = new Option<string>("--type") { Description = "licensing|penalty|coercion|levy-expropriation|inspection|other, or 行政处罚 etc.", Required = true };
        var party = new Option<string>("--party") { Description = "The party (当事人)", Required = true };
        var title = new Option<string?>("--title") { Description = "A short title" };
        var officers = OfficersOption();
        var command = new Command("create", "Open a case") { number, type, party, title, officers, Json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => SendAsync(
            parse,
            services,
            new CreateCaseCommand(
                CaseNumber.Parse(parse.GetValue(number)!),
                CaseTerms.ParseType(parse.GetValue(type)!.Replace("-", string.Empty, StringComparison.Ordinal)),
                parse.GetValue(party)!,
                parse.GetValue(title),
                [.. (parse.GetValue(officers) ?? []).Select(OfficerId.Parse)]),
            CaseDocuments.Case,
            c => $"Case {c.Number} opened ({c.Type}, party {c.Party}).",
            ct)));
        return command;
    }

    private static Command ListCases()
    {
        var status = new Option<string?>("--status") { Description = "open or closed" };
        var command = new Command("list", "List cases, newest first") { status, Json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var filter = parse.GetValue(status) is { } s ? Enum.Parse<CaseStatus>(s, ignoreCase: true) : (CaseStatus?)null;
            var cases = await services.GetRequiredService<IMediator>().Send(new ListCasesQuery(filter), ct);
            Print(parse, new CaseList([.. cases.Select(CaseDocuments.Case)]), string.Join(Environment.NewLine, cases.Select(c => $"{c.Number}  {c.Type,-18} {Wire.Kind(c.Status),-7} {c.Party}")));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ShowCase()
    {
        var number = NumberArgument();
        var command = new Command("show", "Show a case with its activities, review, decision and links") { number, Json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var details = await services.GetRequiredService<IMediator>().Send(new ShowCaseQuery(CaseNumber.Parse(parse.GetValue(number)!)), ct);
            Wire.Print(CaseDocuments.Details(details));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command CloseCase()
    {
        var number = NumberArgument();
        var command = new Command("close", "Close a case (归档)") { number, Json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => SendAsync(
            parse, services, new CloseCaseCommand(CaseNumber.Parse(parse.GetValue(number)!)), CaseDocuments.Case, c => $"Case {c.Number} closed.", ct)));
        return command;
    }

    private static Command ReopenCase()
    {
        var number = NumberArgument();
        var reason = new Option<string?>("--reason") { Description = "Why the filed case must change (asks for reopening)" };
        var approve = new Option<bool>("--approve") { Description = "Approve the pending request (a senior user or the department head of one of its officers, not the requester)" };
        var command = new Command("reopen", "Reopen a closed (filed) case: one person asks with --reason, a second approves with --approve") { number, reason, approve, Json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services =>
        {
            var caseNumber = CaseNumber.Parse(parse.GetValue(number)!);
            return parse.GetValue(approve)
                ? SendAsync(parse, services, new ApproveReopenCommand(caseNumber), d => d, d => $"Case {caseNumber} reopened: asked by {d.RequestedBy} ({d.Reason}), approved by {d.ApprovedBy}.", ct)
                : SendAsync(parse, services, new RequestReopenCommand(caseNumber, parse.GetValue(reason) ?? throw new FormatException("Asking to reopen needs --reason (or --approve to approve a pending request).")), d => d, d => $"Reopening case {caseNumber} asked for by {d.RequestedBy}; a senior user or department head approves with `cases reopen {caseNumber} --approve`.", ct);
        }));
        return command;
    }
}
