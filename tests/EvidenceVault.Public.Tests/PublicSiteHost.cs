using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Disclosure;
using EvidenceVault.Hosting;
using EvidenceVault.Testing.PriorDisclosure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvidenceVault.Public.Tests;

/// <summary>
/// Decisions taken through the real workflow (drafted by one person, approved by another) and a published 事前公开
/// set with a later unpublished edit, under the public site.
/// </summary>
public sealed class PublicSiteHost() : SiteHost("ev-public-")
{
    public const string Party = "王小明";
    public const string Witness = "李四";
    public const string IdNumber = "320106198503122734";
    public const string Phone = "13812345678";
    public const string Street = "中山路18号";
    public const string DraftOnlyParty = "赵六";
    public const string WithdrawalReason = "经行政复议决定撤销原处罚决定";
    public const string Facts = $"{Party}（身份证号码{IdNumber}，联系电话{Phone}，住址：江苏省南京市鼓楼区{Street}）于2025年2月销售过期食品，证人{Witness}在场。";

    /// <summary>An officer only in the 事前公开 version edited after the publish: the site must never show it.</summary>
    public const string DraftOnlyOfficer = "钱八";

    /// <summary>Markup in a published 事前公开 field: the site shows it as text.</summary>
    public const string Markup = "<script>alert('事前')</script>";

    /// <summary>What masking must remove, or was never published: no page, feed or DOM of the site may carry any of these.</summary>
    public static readonly string[] Unmasked = [Party, Witness, IdNumber, "198503122734", Phone, Street, DraftOnlyParty, DraftOnlyOfficer];

    /// <summary>Requests a client address may make per window on this host's site.</summary>
    public int RequestsPerWindow { get; init; } = 10_000;

    /// <summary>Information requests a client address may submit per window on this host's site.</summary>
    public int SubmissionsPerWindow { get; init; } = 10_000;

    /// <summary>Status lookups a client address may make per window on this host's site.</summary>
    public int StatusLookupsPerWindow { get; init; } = 10_000;

    /// <summary>Everything the site logged, at the level it logs.</summary>
    public CapturedLogs Logs { get; } = new();

    public long PublishedId { get; private set; }

    public long WithdrawnId { get; private set; }

    public long DraftId { get; private set; }

    public IMediator Drafter { get; private set; } = null!;

    public IMediator Approver { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        Drafter = Mediator("drafter");
        Approver = Mediator("approver");
        PublishedId = await PublishAsync("宁鼓市监罚〔2025〕18号", Party, EnforcementType.Penalty);
        WithdrawnId = await PublishAsync("宁鼓市监罚〔2025〕19号", "孙七", EnforcementType.Penalty);
        await Approver.Send(new WithdrawPublicationCommand(WithdrawnId, WithdrawalKind.Revoked, WithdrawalReason));
        DraftId = (await DraftAsync("宁鼓市监罚〔2025〕20号", DraftOnlyParty, EnforcementType.Penalty)).Id;
        var published = PriorDisclosureSamples.Set();
        await Drafter.Send(new EditPriorDisclosureCommand(published with { Agency = published.Agency with { Duties = Markup } }));
        await Drafter.Send(new PublishPriorDisclosureCommand());
        await Drafter.Send(new EditPriorDisclosureCommand(PriorDisclosureSamples.Set(DraftOnlyOfficer)));
    }

    /// <summary>Drafts and approves (two people) a decision, so it is on the site.</summary>
    public async Task<long> PublishAsync(string number, string party, EnforcementType type, string facts = Facts)
    {
        var draft = await DraftAsync(number, party, type, facts: facts);
        await Approver.Send(new ApprovePublicationCommand(draft.Id));
        return draft.Id;
    }

    public async Task<PublicationDraft> DraftAsync(string number, string party, EnforcementType type, string? idNumber = IdNumber, bool minor = false, string facts = Facts)
    {
        var caseNumber = CaseNumber.Parse(number);
        await Drafter.Send(new CreateCaseCommand(caseNumber, type, party, null, []));
        await Drafter.Send(new DecideCaseCommand(caseNumber, new DateOnly(2025, 3, 3), "罚款人民币五千元，没收违法所得", false));
        return await Drafter.Send(new DraftPublicationCommand(
            caseNumber,
            number,
            "南京市鼓楼区市场监督管理局",
            PartyKind.NaturalPerson,
            idNumber,
            minor,
            Confidentiality.None,
            facts.Replace(Party, party, StringComparison.Ordinal),
            "《中华人民共和国食品安全法》第一百二十四条",
            [Witness],
            []));
    }

    protected override IServiceCollection AddSiteServices(IServiceCollection services) =>
        services.AddRequestIntake(Settings("public")).AddSingleton<ILoggerProvider>(Logs);

    protected override void ConfigureSite(PublicSiteOptions options)
    {
        options.RequestsPerWindow = RequestsPerWindow;
        options.SubmissionsPerWindow = SubmissionsPerWindow;
        options.StatusLookupsPerWindow = StatusLookupsPerWindow;
    }
}
