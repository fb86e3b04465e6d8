using System.CommandLine;
using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting.Documents;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault cases activity add|update</c>.</summary>
internal static class CaseActivityCommands
{
    public static Command Create() => new("activity", "Case activities") { Add(), Update() };

    private static Command Add()
    {
        var number = CasesCommandLine.NumberArgument();
        var (stage, type, place) = (StageOption(required: true), TypeOption(required: true), PlaceOption());
        var officers = CasesCommandLine.OfficersOption();
        var (start, end) = (StartOption(required: true), EndOption(required: true));
        var add = new Command("add", "Add an activity to a case") { number, stage, type, officers, place, start, end, CasesCommandLine.JsonOption };
        add.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new AddActivityCommand(
                CaseNumber.Parse(parse.GetValue(number)!),
                CaseTerms.ParseStage(parse.GetValue(stage)!),
                parse.GetValue(type)!,
                Officers(parse, officers),
                parse.GetValue(place),
                parse.GetValue(start)!.Value,
                parse.GetValue(end)!.Value),
            CaseDocuments.Activity,
            a => $"Activity {a.Id} ({a.Stage}, {a.ActivityType}) added to case {a.Case}.",
            ct)));
        return add;
    }

    private static Command Update()
    {
        var number = CasesCommandLine.NumberArgument();
        var id = new Argument<long>("activity-id") { Description = "The activity's id (cases show lists them)" };
        var (stage, type, place) = (StageOption(required: false), TypeOption(required: false), PlaceOption());
        var officers = CasesCommandLine.OfficersOption();
        var (start, end) = (StartOption(required: false), EndOption(required: false));
        var update = new Command("update", "Change an activity; its automatic links are checked again, manual links stay")
        {
            number, id, stage, type, officers, place, start, end, CasesCommandLine.JsonOption,
        };
        update.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new UpdateActivityCommand(
                CaseNumber.Parse(parse.GetValue(number)!),
                parse.GetValue(id),
                parse.GetValue(stage) is { } s ? CaseTerms.ParseStage(s) : null,
                parse.GetValue(type),
                Officers(parse, officers),
                parse.GetValue(place),
                parse.GetValue(start),
                parse.GetValue(end)),
            u => new ActivityUpdateJson(CaseDocuments.Activity(u.Activity), u.Unlinked, u.Linked),
            u => $"Activity {u.Activity.Id} of case {u.Activity.Case} changed: {u.Unlinked} automatic links removed, {u.Linked} recordings linked.",
            ct)));
        return update;
    }

    private static IReadOnlyList<OfficerId> Officers(ParseResult parse, Option<string[]> officers) => [.. (parse.GetValue(officers) ?? []).Select(OfficerId.Parse)];

    private static Option<string?> StageOption(bool required) =>
        new("--stage") { Description = "Procedure stage: start|investigation|review|decision|service|execution|filing or 启动…归档", Required = required };

    private static Option<string?> TypeOption(bool required) => new("--type") { Description = "Activity type, e.g. inspection, seizure, hearing, service", Required = required };

    private static Option<string?> PlaceOption() => new("--place") { Description = "Where it happened" };

    private static Option<DateTimeOffset?> StartOption(bool required) => new("--start") { Description = "Start (ISO-8601 with offset)", Required = required };

    private static Option<DateTimeOffset?> EndOption(bool required) => new("--end") { Description = "End (ISO-8601 with offset)", Required = required };
}
