using System.CommandLine;
using EvidenceVault.Application.Cases;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault cases activity add</c>.</summary>
internal static class CaseActivityCommands
{
    public static Command Create()
    {
        var number = CasesCommandLine.NumberArgument();
        var stage = new Option<string>("--stage") { Description = "Procedure stage: start|investigation|review|decision|service|execution|filing or 启动…归档", Required = true };
        var type = new Option<string>("--type") { Description = "Activity type, e.g. inspection, seizure, hearing, service", Required = true };
        var officers = CasesCommandLine.OfficersOption();
        var place = new Option<string?>("--place") { Description = "Where it happened" };
        var start = new Option<DateTimeOffset>("--start") { Description = "Start (ISO-8601 with offset)", Required = true };
        var end = new Option<DateTimeOffset>("--end") { Description = "End (ISO-8601 with offset)", Required = true };
        var add = new Command("add", "Add an activity to a case") { number, stage, type, officers, place, start, end, CasesCommandLine.JsonOption };
        add.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new AddActivityCommand(
                CaseNumber.Parse(parse.GetValue(number)!),
                CaseTerms.ParseStage(parse.GetValue(stage)!),
                parse.GetValue(type)!,
                [.. (parse.GetValue(officers) ?? []).Select(OfficerId.Parse)],
                parse.GetValue(place),
                parse.GetValue(start),
                parse.GetValue(end)),
            CaseWire.Activity,
            a => $"Activity {a.Id} ({a.Stage}, {a.ActivityType}) added to case {a.Case}.",
            ct)));
        return new Command("activity", "Case activities") { add };
    }
}
