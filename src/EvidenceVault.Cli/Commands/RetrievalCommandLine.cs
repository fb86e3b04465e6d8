using System.CommandLine;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault retrieval request|approve|reject|revoke|list|show|recordings</c>: purpose-bound, expiring grants (调阅).</summary>
internal static class RetrievalCommandLine
{
    public static Command Create()
    {
        var command = new Command("retrieval", "Retrieval requests and grants (调阅): approval by tier, a purpose, an end date");
        foreach (var sub in new[] { Request(), Decide("approve", "Approve a pending request (it becomes a grant)", (id, reason) => new ApproveRetrievalCommand(id, reason)),
            Decide("reject", "Reject a pending request", (id, reason) => new RejectRetrievalCommand(id, reason)),
            Decide("revoke", "Revoke a grant: access under it stops at once", (id, reason) => new RevokeGrantCommand(id, reason)), List(), Show(), Recordings() })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    /// <summary>The <c>--grant</c> option of the commands that reach recordings.</summary>
    internal static Option<string?> GrantOption() => new("--grant") { Description = "The retrieval grant (R-<n>) this access is made under" };

    internal static RetrievalId? GrantOf(ParseResult parse, Option<string?> grant) => parse.GetValue(grant) is { } g ? RetrievalId.Parse(g) : null;

    private static Command Request()
    {
        var @case = new Option<string?>("--case") { Description = "Every recording linked to this case" };
        var recordings = new Option<string[]>("--recording") { Description = "A recording id (repeat for several)", AllowMultipleArgumentsPerToken = true };
        var purpose = new Option<string>("--purpose") { Description = "Why (e.g. supervision spot check, prosecution)", Required = true };
        var from = new Option<DateOnly>("--from") { Description = "First day (yyyy-MM-dd)", Required = true };
        var until = new Option<DateOnly>("--until") { Description = "Last day, included (yyyy-MM-dd)", Required = true };
        var outside = new Option<string?>("--outside-agency") { Description = "The receiving body outside the agency (needs senior approval)" };
        var redactedOnly = new Option<bool>("--redacted-only") { Description = "Ask for redacted copies only (see `media redact`): the grant hands out no original and no proxy" };
        var command = new Command("request", "Ask for access to a case's or named recordings") { @case, recordings, purpose, from, until, outside, redactedOnly, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new RequestRetrievalCommand(
                parse.GetValue(@case) is { } c ? CaseNumber.Parse(c) : null,
                [.. (parse.GetValue(recordings) ?? []).Select(RecordingId.Parse)],
                parse.GetValue(purpose)!,
                parse.GetValue(from),
                parse.GetValue(until),
                parse.GetValue(outside),
                parse.GetValue(redactedOnly)),
            AccessDocuments.Retrieval,
            r => r.Status == RetrievalStatus.Approved
                ? $"Grant {r.Id} is approved (own recordings), {Wire.Time(r.Period.From)} .. {Wire.Time(r.Period.Until)}."
                : $"Request {r.Id} waits for approval by {r.Tier.Approver}.",
            ct)));
        return command;
    }

    private static Command Decide(string name, string description, Func<RetrievalId, string?, ICommand<RetrievalRequest>> build)
    {
        var id = new Argument<string>("id") { Description = "Request or grant number (R-<n>)" };
        var reason = new Option<string?>("--reason") { Description = "Why" };
        var command = new Command(name, description) { id, reason, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, build(RetrievalId.Parse(parse.GetValue(id)!), parse.GetValue(reason)), AccessDocuments.Retrieval, r => $"{r.Id} is {Wire.Kind(r.Status)}.", ct)));
        return command;
    }

    private static Command List()
    {
        var active = new Option<bool>("--active") { Description = "Only grants that give access now" };
        var command = new Command("list", "List requests and grants, newest first") { active, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var requests = await services.GetRequiredService<IMediator>().Send(new ListRetrievalsQuery(parse.GetValue(active)), ct);
            CasesCommandLine.Print(parse, new RetrievalList([.. requests.Select(AccessDocuments.Retrieval)]), string.Join(Environment.NewLine, requests.Select(AccessWire.Line)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "Request or grant number (R-<n>)" };
        var command = new Command("show", "Show one request or grant") { id, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var request = await services.GetRequiredService<IMediator>().Send(new ShowRetrievalQuery(RetrievalId.Parse(parse.GetValue(id)!)), ct);
            Wire.Print(AccessDocuments.Retrieval(request));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Recordings()
    {
        var id = new Argument<string>("id") { Description = "Request or grant number (R-<n>)" };
        var command = new Command("recordings", "What a request covers: each recording's officer, device, time and kind (for the one who decides it)") { id, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var items = await services.GetRequiredService<IMediator>().Send(new ListRetrievalRecordingsQuery(RetrievalId.Parse(parse.GetValue(id)!)), ct);
            CasesCommandLine.Print(parse, new RetrievalItemList([.. items.Select(AccessDocuments.Item)]), string.Join(Environment.NewLine, items.Select(i =>
                $"{i.Recording}  {i.Officer?.Value ?? "-"}  {i.Device?.Value ?? "-"}  {(i.RecordedAt is { } at ? Wire.Time(at) : "-")}  {(i.Kind is { } kind ? Wire.Kind(kind) : "not in the catalog")}")));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
