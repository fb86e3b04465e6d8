using System.CommandLine;
using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Hosting.Documents;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault cases review|decide</c>: the legal-review system and the decision.</summary>
internal static class CaseDecisionCommands
{
    public static Command Review()
    {
        var number = CasesCommandLine.NumberArgument();
        var reviewer = new Option<string>("--reviewer") { Description = "Legal-review officer", Required = true };
        var opinion = new Option<string>("--opinion") { Description = "The review opinion", Required = true };
        var date = new Option<DateOnly>("--date") { Description = "Review date (yyyy-MM-dd)", Required = true };
        var command = new Command("review", "Record the legal review (法制审核) of a case's decision") { number, reviewer, opinion, date, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new RecordLegalReviewCommand(CaseNumber.Parse(parse.GetValue(number)!), parse.GetValue(reviewer)!, parse.GetValue(opinion)!, parse.GetValue(date)),
            CaseDocuments.Review,
            r => $"Legal review of case {r.Case} recorded ({r.Reviewer}, {r.Date:yyyy-MM-dd}).",
            ct)));
        return command;
    }

    public static Command Decide()
    {
        var number = CasesCommandLine.NumberArgument();
        var date = new Option<DateOnly>("--date") { Description = "Decision date (yyyy-MM-dd)", Required = true };
        var conclusion = new Option<string>("--conclusion") { Description = "The decision's conclusion", Required = true };
        var major = new Option<bool>("--major") { Description = "On the catalogue of major decisions: needs a prior legal review" };
        var command = new Command("decide", "Record a case's decision") { number, date, conclusion, major, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new DecideCaseCommand(CaseNumber.Parse(parse.GetValue(number)!), parse.GetValue(date), parse.GetValue(conclusion)!, parse.GetValue(major)),
            CaseDocuments.Decision,
            d => $"Decision of case {d.Case} recorded ({d.Date:yyyy-MM-dd}{(d.IsMajor ? ", major" : string.Empty)}).",
            ct)));
        return command;
    }
}
