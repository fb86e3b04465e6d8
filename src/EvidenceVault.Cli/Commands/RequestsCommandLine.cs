using System.CommandLine;
using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Requests;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault requests list|show|add|notice|complete|extend|answer</c>: information requests from the public (依申请公开).</summary>
internal static class RequestsCommandLine
{
    /// <summary>The options of <c>requests add</c>, in the order of <see cref="RequestSubmission"/>'s fields.</summary>
    private static readonly string[] SubmissionFields = ["name", "id-type", "id-number", "phone", "email", "address", "description", "purpose", "form"];

    public static Command Create()
    {
        var command = new Command("requests", "Information requests from the public (依申请公开): list, show, add, completion notice, completion, extension, answer");
        foreach (var sub in new[] { List(), Show(), Add(), Notice(), Complete(), Extend(), Answer() })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static Argument<string> Reference() => new("reference") { Description = "The request's reference (YSQ-<n>)" };

    private static Command List()
    {
        var open = new Option<bool>("--open") { Description = "Only requests not answered yet" };
        var command = new Command("list", "List requests, newest first, with their reply due dates") { open, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var items = await services.GetRequiredService<IMediator>().Send(new ListInformationRequestsQuery(parse.GetValue(open)), ct);
            CasesCommandLine.Print(parse, new InformationRequestList([.. items.Select(RequestDocuments.Request)]), string.Join(Environment.NewLine, items.Select(RequestDocuments.Line)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var reference = Reference();
        var command = new Command("show", "Show one request with the applicant's data (the opening is in the ledger)") { reference, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var item = await services.GetRequiredService<IMediator>().Send(new ShowInformationRequestQuery(InformationRequestId.Parse(parse.GetValue(reference)!)), ct);
            var r = item.Request;
            CasesCommandLine.Print(parse, RequestDocuments.Request(item), string.Join(Environment.NewLine, RequestDocuments.Line(item), $"  information sought: {r.Description}", $"  purpose: {r.Purpose ?? "-"}, form: {r.Form}",
                $"  contact: {r.Applicant.Phone ?? "-"} / {r.Applicant.Email ?? "-"} / {r.Applicant.Address ?? "-"}",
                r.Answer is { } a ? $"  answered {CaseDocuments.Day(a.On)}: {RequestDocuments.Outcome(a.Outcome)} ({a.Ground})" : $"  due rule: {item.Due?.Rule ?? "no clock while awaiting completion"}"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Add()
    {
        var channel = new Option<string>("--channel") { Description = "How it arrived: letter|in-person|fax", Required = true };
        var received = new Option<DateOnly?>("--received") { Description = "The day it was received (a letter: signed for), yyyy-MM-dd; default today" };
        Option<string?>[] fields = [.. SubmissionFields.Select(f => new Option<string?>($"--{f}"))];
        fields[^1].Description = "paper|electronic (纸质|电子)";
        var command = new Command("add", "Enter a request received by letter, in person or by fax; same checks, clock and ledger as the public form") { channel, received, CasesCommandLine.JsonOption };
        foreach (var field in fields)
        {
            command.Options.Add(field);
        }

        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services =>
        {
            var v = fields.Select(parse.GetValue).ToArray();
            var submission = new RequestSubmission(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
            return CasesCommandLine.SendAsync(
                parse, services, new EnterInformationRequestCommand(submission, RequestDocuments.ParseChannel(parse.GetValue(channel)!), parse.GetValue(received)),
                RequestDocuments.Entered,
                e => $"{e.Item.Request.Id} is received; the reply is due {CaseDocuments.Due(e.Item.Due!)}.{Environment.NewLine}Query code (查询码) for the applicant, shown this once: {e.QueryCode}",
                ct);
        }));
        return command;
    }

    private static Command Notice()
    {
        var reference = Reference();
        var missing = new Option<string>("--missing") { Description = "Everything the applicant must complete (one notice, 条例 art. 30)", Required = true };
        var command = new Command("notice", "Send the one notice to complete the request; the reply clock stops") { reference, missing, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new NoticeRequestCompletionCommand(InformationRequestId.Parse(parse.GetValue(reference)!), parse.GetValue(missing)!),
            r => RequestDocuments.Request(new(r, null)), r => $"{r.Id} awaits completion.", ct)));
        return command;
    }

    private static Command Complete()
    {
        var reference = Reference();
        var note = new Option<string?>("--note") { Description = "What arrived" };
        var command = new Command("complete", "Record that the completed request arrived today; 20 working days count from today") { reference, note, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new RecordRequestCompletionCommand(InformationRequestId.Parse(parse.GetValue(reference)!), parse.GetValue(note)),
            r => RequestDocuments.Request(new(r, null)), r => $"{r.Id} is completed.", ct)));
        return command;
    }

    private static Command Extend()
    {
        var reference = Reference();
        var approver = new Option<string>("--approver") { Description = "The head who approved the extension (负责人)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the reply needs more time", Required = true };
        var command = new Command("extend", "Extend the reply period once by 20 working days (条例 art. 33)") { reference, approver, reason, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new ExtendRequestReplyCommand(InformationRequestId.Parse(parse.GetValue(reference)!), parse.GetValue(approver)!, parse.GetValue(reason)!),
            RequestDocuments.Request, i => $"{i.Request.Id} is extended; the reply is due {CaseDocuments.Due(i.Due!)}.", ct)));
        return command;
    }

    private static Command Answer()
    {
        var reference = Reference();
        var outcome = new Option<string>("--outcome") { Description = "disclosed|partly-disclosed|withheld|not-held|not-this-agency|already-published|abandoned", Required = true };
        var ground = new Option<string?>("--ground") { Description = "The legal ground (e.g. 条例第三十六条第三项)" };
        var command = new Command("answer", "Record the reply; the reply clock closes as met or missed") { reference, outcome, ground, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new AnswerInformationRequestCommand(InformationRequestId.Parse(parse.GetValue(reference)!), RequestDocuments.ParseOutcome(parse.GetValue(outcome)!), parse.GetValue(ground) ?? string.Empty),
            r => RequestDocuments.Request(new(r, null)), r => $"{r.Id} is answered: {RequestDocuments.Outcome(r.Answer!.Outcome)}.", ct)));
        return command;
    }
}
