using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Disclosure;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Public.Tests;

// The workflow that fills the projection, through the real composition: what the site shows is only ever what a
// second person approved, and each step is on the ledger.
public sealed class PublicationWorkflowTests(PublicSiteHost host) : IClassFixture<PublicSiteHost>
{
    [Fact]
    public async Task Approve_ByTheDrafter_RefusedAndNothingPublished()
    {
        var draft = await host.DraftAsync("宁鼓市监罚〔2025〕30号", "钱八", EnforcementType.Penalty);

        await Assert.ThrowsAsync<PublicationRuleException>(async () => await host.Drafter.Send(new ApprovePublicationCommand(draft.Id)));

        Assert.Equal(PublicationStatus.Draft, (await host.Drafter.Send(new ListPublicationsQuery(PublicationStatus.Draft))).Single(d => d.Id == draft.Id).Status);
    }

    [Fact]
    public async Task Draft_MinorByIdNumber_RefusedAndTheRefusalIsOnTheLedger()
    {
        var error = await Assert.ThrowsAsync<PublicationRefusedException>(
            async () => await host.DraftAsync("宁鼓市监罚〔2025〕31号", "周九", EnforcementType.Penalty, idNumber: "310115201010151237"));

        Assert.Equal(PublicationEligibility.MinorCode, error.Refusal.Code);
        var trail = await host.Services("auditor").GetRequiredService<ICustodyLog>().ReadAsync("宁鼓市监罚〔2025〕31号", CancellationToken.None);
        Assert.Contains(trail, r => r.Entry.Action == CustodyActions.PublicationRefused);
    }

    [Fact]
    public async Task Approve_PublicationTime_MeetsThePublicationDeadline()
    {
        var draft = await host.DraftAsync("宁鼓市监罚〔2025〕32号", "吴十", EnforcementType.Penalty);

        var published = await host.Approver.Send(new ApprovePublicationCommand(draft.Id));

        Assert.Equal(host.Time.GetUtcNow(), published.PublishedAt);
        var trail = await host.Services("auditor").GetRequiredService<ICustodyLog>().ReadAsync(draft.Case.Value, CancellationToken.None);
        var actions = trail.Select(r => r.Entry.Action).ToList();
        Assert.Contains(CustodyActions.PublicationDrafted, actions);
        Assert.Contains(CustodyActions.PublicationApproved, actions);
        var met = trail.Single(r => r.Entry.Action == CustodyActions.DeadlineMet);
        Assert.Contains("\"doneOn\":\"2025-03-04\"", met.Entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redact_FreeText_HiddenInTheMaskedTextOnly()
    {
        var draft = await host.DraftAsync("宁鼓市监罚〔2025〕33号", "郑一", EnforcementType.Penalty);

        var redacted = await host.Drafter.Send(new RedactPublicationCommand(draft.Id, ["过期食品"]));

        Assert.Contains("■■■■", redacted.Masked.Facts, StringComparison.Ordinal);
        Assert.Contains("过期食品", redacted.Original.Facts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_Draft_RefusedOnlyPublishedIsWithdrawn()
    {
        var draft = await host.DraftAsync("宁鼓市监罚〔2025〕34号", "冯二", EnforcementType.Penalty);

        await Assert.ThrowsAsync<PublicationRuleException>(async () => await host.Approver.Send(new WithdrawPublicationCommand(draft.Id, WithdrawalKind.Changed, "变更")));
    }

    [Fact]
    public async Task EndDisplayPeriods_PeriodOver_EndedOnTheLedgerAndOffTheSite()
    {
        await using var own = new PublicSiteHost();
        await own.InitializeAsync();
        var draft = await own.DraftAsync("宁鼓市监罚〔2025〕35号", "陈三", EnforcementType.Inspection);
        await own.Approver.Send(new ApprovePublicationCommand(draft.Id));
        var site = own.SiteServices.GetRequiredService<IPublishedDisclosures>();
        Assert.NotNull(await site.FindAsync(draft.Id, own.Time.GetUtcNow(), CancellationToken.None));

        own.Time.Advance(TimeSpan.FromDays(366)); // inspections show 12 months by default
        var ended = await own.Approver.Send(new EndDisplayPeriodsCommand());

        Assert.Equal(1, ended);
        Assert.Null(await site.FindAsync(draft.Id, own.Time.GetUtcNow(), CancellationToken.None));
        var trail = await own.Services("auditor").GetRequiredService<ICustodyLog>().ReadAsync(draft.Case.Value, CancellationToken.None);
        Assert.Contains(trail, r => r.Entry.Action == CustodyActions.PublicationEnded);
    }
}
