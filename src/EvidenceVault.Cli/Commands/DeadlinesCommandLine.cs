using System.CommandLine;
using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault deadlines</c> and <c>evidencevault cases publish|revoke|takedown</c>: the disclosure system.</summary>
internal static class DeadlinesCommandLine
{
    public static Command Create()
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only deadlines that are past due" };
        var command = new Command("deadlines", "Disclosure deadlines (公示): what is due, when, and how late") { overdue, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var items = await services.GetRequiredService<IMediator>().Send(new ListDeadlinesQuery(parse.GetValue(overdue)), ct);
            CasesCommandLine.Print(
                parse,
                new DeadlineList([.. items.Select(CaseDocuments.Deadline)]),
                string.Join(Environment.NewLine, items.Select(i => $"{CaseDocuments.Day(i.Due)}{(i.Provisional ? " (provisional)" : string.Empty)}  {i.Subject}  {i.Obligation,-28} {(i.DoneOn is { } d ? $"done {CaseDocuments.Day(d)}" : "open"),-16} {(i.DaysLate > 0 ? $"{i.DaysLate} days late" : "on time")}  ({i.Rule})")));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Publishing and withdrawing are <c>publications approve|withdraw</c>: the site's own times meet those clocks.</summary>
    public static Command Revoke()
    {
        var number = CasesCommandLine.NumberArgument();
        var date = new Option<DateOnly>("--date") { Description = "Date of the revocation (yyyy-MM-dd)", Required = true };
        var command = new Command("revoke", "Record that the decision was revoked; a published one must be withdrawn within 3 days") { number, date, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new RecordRevocationCommand(CaseNumber.Parse(parse.GetValue(number)!), parse.GetValue(date)),
            CaseDocuments.Decision,
            d => $"Case {d.Case}: revoked on {CaseDocuments.Day(parse.GetValue(date))}; withdraw its publication within 3 days.",
            ct)));
        return command;
    }
}
