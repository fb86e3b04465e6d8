using System.CommandLine;
using EvidenceVault.Application.Retention;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Retention;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault retention ...</c>: the plan, and deletion that is proposed, approved twice, recoverable, then destroyed.</summary>
internal static class RetentionCommandLine
{
    public static Command Create()
    {
        var command = new Command("retention", "Retention terms and approved deletion");
        command.Subcommands.Add(Plan());
        command.Subcommands.Add(Propose());
        command.Subcommands.Add(Proposals());
        command.Subcommands.Add(Decide("approve", "Approve a proposed deletion (two different approvers are needed)", approve: true));
        command.Subcommands.Add(Decide("reject", "Reject a proposed deletion", approve: false));
        command.Subcommands.Add(Recover());
        command.Subcommands.Add(Purge());
        return command;
    }

    private static Command Plan()
    {
        var expiring = new Option<bool>("--expiring") { Description = "Only recordings whose term is dated (not held, permanent or waiting for a case)" };
        var command = new Command("plan", "What would expire, when, and which rule set the term") { expiring, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var items = await services.GetRequiredService<IMediator>().Send(new ShowRetentionPlanQuery(parse.GetValue(expiring)), ct);
            CasesCommandLine.Print(parse, new RetentionPlan([.. items.Select(RetentionDocuments.PlanItem)]), string.Join(Environment.NewLine, items.Select(RetentionWire.PlanLine)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Propose()
    {
        var command = new Command("propose", "Propose every expired recording for deletion (after the risk gate); nothing is deleted") { CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var proposed = await services.GetRequiredService<IMediator>().Send(new ProposeDeletionsCommand(), ct);
            CasesCommandLine.Print(
                parse,
                new ProposedDeletions([.. proposed.Select(RetentionDocuments.Proposal)]),
                proposed.Count == 0 ? "Nothing has expired." : string.Join(Environment.NewLine, proposed.Select(RetentionWire.ProposalLine)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Proposals()
    {
        var status = new Option<string?>("--status") { Description = "proposed, approved, rejected, recovered or destroyed" };
        var command = new Command("proposals", "List deletion proposals") { status, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var filter = parse.GetValue(status) is { } s ? Enum.Parse<DeletionStatus>(s, ignoreCase: true) : (DeletionStatus?)null;
            var items = await services.GetRequiredService<IMediator>().Send(new ListDeletionProposalsQuery(filter), ct);
            CasesCommandLine.Print(parse, new ProposalList([.. items.Select(RetentionDocuments.Proposal)]), string.Join(Environment.NewLine, items.Select(RetentionWire.ProposalLine)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Decide(string name, string description, bool approve)
    {
        var id = new Argument<long>("proposal") { Description = "Deletion proposal id" };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the custody ledger)", Required = true };
        var acknowledge = new Option<bool>("--acknowledge-risk") { Description = "Approve a flagged proposal, having read its flags" };
        var command = new Command(name, description) { id, reason, CasesCommandLine.JsonOption };
        if (approve)
        {
            command.Options.Add(acknowledge);
        }

        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            approve
                ? (ICommand<DeletionProposal>)new ApproveDeletionCommand(parse.GetValue(id), parse.GetValue(reason)!, parse.GetValue(acknowledge))
                : new RejectDeletionCommand(parse.GetValue(id), parse.GetValue(reason)!),
            RetentionDocuments.Proposal,
            RetentionWire.ProposalLine,
            ct)));
        return command;
    }

    private static Command Recover()
    {
        var id = new Argument<long>("proposal") { Description = "Deletion proposal id" };
        var reason = new Option<string>("--reason") { Description = "Why the recording is kept after all", Required = true };
        var command = new Command("recover", "Undo an approved deletion inside its recovery window") { id, reason, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new RecoverDeletionCommand(parse.GetValue(id), parse.GetValue(reason)!), RetentionDocuments.Proposal, RetentionWire.ProposalLine, ct)));
        return command;
    }

    private static Command Purge()
    {
        var command = new Command("purge", "Destroy the bytes of approved deletions whose recovery window has passed (tombstones stay in the ledger)") { CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var outcomes = await services.GetRequiredService<IMediator>().Send(new DestroyDueDeletionsCommand(), ct);
            CasesCommandLine.Print(
                parse,
                new PurgeOutcomes([.. outcomes.Select(RetentionDocuments.Outcome)]),
                outcomes.Count == 0
                    ? "No approved deletion is due."
                    : string.Join(Environment.NewLine, outcomes.Select(o => o.Destroyed ? $"deletion {o.Proposal.Id}: {o.Proposal.Recording} destroyed; tombstone written" : $"deletion {o.Proposal.Id}: {o.Proposal.Recording} NOT destroyed: {o.Refusal}")));
            return outcomes.All(o => o.Destroyed) ? ExitCodes.Ok : ExitCodes.SomeFilesFailed;
        }));
        return command;
    }
}
