using System.CommandLine;
using EvidenceVault.Application.Retention;
using EvidenceVault.Cli.Output;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault holds place|release|list</c>: legal holds, which beat every retention term.</summary>
internal static class HoldsCommandLine
{
    public static Command Create()
    {
        var command = new Command("holds", "Legal holds (beat every retention term)");
        command.Subcommands.Add(Place());
        command.Subcommands.Add(Release());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Place()
    {
        var recording = new Option<string?>("--recording") { Description = "Hold one recording" };
        var caseNumber = new Option<string?>("--case") { Description = "Hold every recording linked to a case" };
        var reason = new Option<string>("--reason") { Description = "Why", Required = true };
        var authority = new Option<string>("--authority") { Description = "Who ordered it (court, procuratorate, agency head...)", Required = true };
        var command = new Command("place", "Place a legal hold on a recording or a case") { recording, caseNumber, reason, authority, CasesCommandLine.JsonOption };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(recording) is null) == (result.GetValue(caseNumber) is null))
            {
                result.AddError("Give exactly one of --recording or --case.");
            }
        });
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services =>
        {
            var (scope, target) = parse.GetValue(recording) is { } r ? (HoldScope.Recording, r) : (HoldScope.Case, parse.GetValue(caseNumber)!);
            return CasesCommandLine.SendAsync(
                parse, services, new PlaceHoldCommand(scope, target, parse.GetValue(reason)!, parse.GetValue(authority)!), RetentionDocuments.Hold, h => $"Legal hold {h.Id} placed on {Wire.Kind(h.Scope)} {h.Target}.", ct);
        }));
        return command;
    }

    private static Command Release()
    {
        var id = new Argument<long>("hold") { Description = "Hold id" };
        var reason = new Option<string>("--reason") { Description = "Why it is lifted", Required = true };
        var command = new Command("release", "Release a legal hold") { id, reason, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new ReleaseHoldCommand(parse.GetValue(id), parse.GetValue(reason)!), RetentionDocuments.Hold, h => $"Legal hold {h.Id} released.", ct)));
        return command;
    }

    private static Command List()
    {
        var all = new Option<bool>("--all") { Description = "Include released holds" };
        var command = new Command("list", "List legal holds") { all, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var holds = await services.GetRequiredService<IMediator>().Send(new ListHoldsQuery(parse.GetValue(all)), ct);
            CasesCommandLine.Print(parse, new HoldList([.. holds.Select(RetentionDocuments.Hold)]), string.Join(Environment.NewLine, holds.Select(RetentionWire.HoldLine)));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
