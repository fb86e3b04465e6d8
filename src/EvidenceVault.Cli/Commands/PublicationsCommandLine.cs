using System.CommandLine;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Cli.Output;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Disclosure;
using EvidenceVault.Hosting.Documents;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary>
/// <c>evidencevault publications list|draft|redact|approve|withdraw</c>: publishing decisions on the public site (公示)
/// from a terminal, the same steps as the web app's publication page. Publishing is the approval by a second person;
/// its time is what meets the 7/20-working-day clock, so no date is typed anywhere.
/// </summary>
internal static class PublicationsCommandLine
{
    public static Command Create()
    {
        var command = new Command("publications", "Decisions for the public site (公示): list, draft, redact, approve (publish), withdraw");
        foreach (var sub in new[] { List(), Draft(), Redact(), Approve(), Withdraw() })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static Argument<long> Id() => new("publication") { Description = "The publication's number" };

    private static Command List()
    {
        var status = new Option<string?>("--status") { Description = "draft, published, withdrawn or ended" };
        status.AcceptOnlyFromAmong("draft", "published", "withdrawn", "ended");
        var command = new Command("list", "List publications, with what the site shows (the masked text)") { status, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var filter = parse.GetValue(status) is { } s ? Enum.Parse<PublicationStatus>(s, ignoreCase: true) : (PublicationStatus?)null;
            var items = await services.GetRequiredService<IMediator>().Send(new ListPublicationsQuery(filter), ct);
            CasesCommandLine.Print(parse, new PublicationList([.. items.Select(PublicationDocuments.Publication)]), string.Join(Environment.NewLine, items.Select(PublicationDocuments.Line)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Draft()
    {
        var number = CasesCommandLine.NumberArgument();
        var document = new Option<string>("--document-number") { Description = "The decision's 文书号", Required = true };
        var agency = new Option<string>("--agency") { Description = "The deciding agency (执法机关)", Required = true };
        var natural = new Option<bool>("--natural-person") { Description = "The party is a natural person (its name and data are masked)" };
        var idNumber = new Option<string?>("--party-id") { Description = "The party's resident ID number (checked, then masked)" };
        var minor = new Option<bool>("--minor") { Description = "The party is a minor: refused, a minor's decision never goes online" };
        var confidentiality = new Option<string>("--confidentiality") { Description = "none, secret or private", DefaultValueFactory = _ => "none" };
        confidentiality.AcceptOnlyFromAmong("none", "secret", "private");
        var facts = new Option<string>("--facts") { Description = "Summary of the facts", Required = true };
        var basis = new Option<string>("--basis") { Description = "Legal basis", Required = true };
        var others = new Option<string[]>("--other-person") { Description = "A name of another person in the text, masked (repeat)", AllowMultipleArgumentsPerToken = true };
        var addresses = new Option<string[]>("--address") { Description = "An address in the text, masked (repeat)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("draft", "Draft the publication of a case's decision; the masking rules run now, a second person approves")
        {
            number, document, agency, natural, idNumber, minor, confidentiality, facts, basis, others, addresses, CasesCommandLine.JsonOption,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new DraftPublicationCommand(
                CaseNumber.Parse(parse.GetValue(number)!),
                parse.GetValue(document)!,
                parse.GetValue(agency)!,
                parse.GetValue(natural) ? PartyKind.NaturalPerson : PartyKind.LegalPerson,
                parse.GetValue(idNumber),
                parse.GetValue(minor),
                Enum.Parse<Confidentiality>(parse.GetValue(confidentiality)!, ignoreCase: true),
                parse.GetValue(facts)!,
                parse.GetValue(basis)!,
                parse.GetValue(others) ?? [],
                parse.GetValue(addresses) ?? []),
            PublicationDocuments.Publication,
            d => $"Drafted publication {d.Id}; it goes online when another person approves it.",
            ct)));
        return command;
    }

    private static Command Redact()
    {
        var id = Id();
        var texts = new Option<string[]>("--text") { Description = "Text to black out wherever it occurs, on top of the rules (repeat)", Required = true, AllowMultipleArgumentsPerToken = true };
        var command = new Command("redact", "Black out more text in a draft before approval") { id, texts, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse, services, new RedactPublicationCommand(parse.GetValue(id), parse.GetValue(texts)!), PublicationDocuments.Publication, d => $"Publication {d.Id} redacted.", ct)));
        return command;
    }

    private static Command Approve()
    {
        var id = Id();
        var command = new Command("approve", "Approve a draft someone else made: it is on the public site from now") { id, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new ApprovePublicationCommand(parse.GetValue(id)),
            p => new { id = p.Id, publishedAt = Wire.Time(p.PublishedAt), displayUntil = Wire.Time(p.DisplayUntil) },
            p => $"Publication {p.Id} is on the site from {Wire.Time(p.PublishedAt)} until {Wire.Time(p.DisplayUntil)}.",
            ct)));
        return command;
    }

    private static Command Withdraw()
    {
        var id = Id();
        var kind = new Option<string>("--kind") { Description = "revoked (撤销), changed (变更) or annulled (确认违法或无效)", Required = true };
        kind.AcceptOnlyFromAmong("revoked", "changed", "annulled");
        var reason = new Option<string>("--reason") { Description = "The reason, shown on the site (行政处罚法 art. 48)", Required = true };
        var command = new Command("withdraw", "Withdraw a published decision; the site shows it as withdrawn with the reason") { id, kind, reason, CasesCommandLine.JsonOption };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, services => CasesCommandLine.SendAsync(
            parse,
            services,
            new WithdrawPublicationCommand(parse.GetValue(id), Enum.Parse<WithdrawalKind>(parse.GetValue(kind)!, ignoreCase: true), parse.GetValue(reason)!),
            w => new { kind = Wire.Kind(w.Kind), reason = w.Reason, at = Wire.Time(w.At) },
            w => $"Withdrawn at {Wire.Time(w.At)}: {w.Reason}",
            ct)));
        return command;
    }
}
