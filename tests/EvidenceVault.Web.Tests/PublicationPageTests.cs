using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Microsoft.Playwright;

namespace EvidenceVault.Web.Tests;

/// <summary>The publication page in a real chromium: an officer drafts, sees the masked text beside the original, and a reviewer approves and withdraws.</summary>
public sealed class PublicationPageTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Number = "宁鼓市监罚〔2025〕40号";
    private const string Reviewer = "reviewer";
    private readonly ApiHost _host = new();
    private BrowserSession _browser = default!;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _browser = new BrowserSession(chromium, _host);
        await _host.SendAsync(new CreateCaseCommand(CaseNumber.Parse(Number), EnforcementType.Penalty, "王小明", null, [OfficerId.Parse(ApiHost.OfficerNumber.Value)]));
        await _host.SendAsync(new DecideCaseCommand(CaseNumber.Parse(Number), DateOnly.FromDateTime(_host.Time.GetUtcNow().Date), "罚款人民币五千元", false));
        foreach (var user in new[] { ApiHost.Actor, Reviewer })
        {
            await _host.SignInAsync(user);
        }
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Publication_OfficerDraftsReviewerApprovesAndWithdraws_MaskedBesideOriginalAndEveryStepOnTheLedger()
    {
        var officer = await _browser.SignedInPageAsync(ApiHost.Actor);
        await officer.GotoAsync("/publications");
        await officer.FillAsync("#pd-case", Number);
        await officer.FillAsync("#pd-number", Number);
        await officer.FillAsync("#pd-agency", "南京市鼓楼区市场监督管理局");
        await officer.FillAsync("#pd-facts", "王小明（身份证号码320106198503122734，电话13812345678）销售过期食品，证人李四在场。");
        await officer.FillAsync("#pd-basis", "《中华人民共和国食品安全法》第一百二十四条");
        await officer.FillAsync("#pd-others", "李四");
        await officer.RunAndWaitForResponseAsync(() => officer.Locator("[data-test=draft-submit]").ClickAsync(), r => r.Request.Method == "POST");
        var drafted = await officer.TextContentAsync("[data-test=done]");

        var reviewer = await _browser.SignedInPageAsync(Reviewer);
        await reviewer.GotoAsync("/publications");
        var draft = reviewer.Locator("[data-test=draft]", new PageLocatorOptions { HasText = Number });
        var masked = string.Join('\n', await draft.Locator("[data-test=masked]").AllTextContentsAsync());
        var original = await draft.Locator("[data-test=side-by-side]").TextContentAsync();
        await reviewer.RunAndWaitForResponseAsync(() => draft.Locator("[data-test=approve]").ClickAsync(), r => r.Request.Method == "POST");
        var approved = await reviewer.TextContentAsync("[data-test=done]");
        var row = reviewer.Locator("[data-test=published] tr", new PageLocatorOptions { HasText = Number });
        await row.Locator("input[name='Withdrawal.Reason']").FillAsync("经行政复议决定撤销");
        await reviewer.RunAndWaitForResponseAsync(() => row.Locator("[data-test=withdraw]").ClickAsync(), r => r.Request.Method == "POST");
        var withdrawn = await reviewer.TextContentAsync("[data-test=done]");

        Assert.NotNull(drafted);
        Assert.Contains("王某某", masked, StringComparison.Ordinal);
        Assert.Contains("320106************", masked, StringComparison.Ordinal);
        Assert.Contains("138****5678", masked, StringComparison.Ordinal);
        Assert.Contains("李某", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("李四", masked, StringComparison.Ordinal);
        Assert.Contains("320106198503122734", original, StringComparison.Ordinal);
        Assert.NotNull(approved);
        Assert.NotNull(withdrawn);
        var trail = await _host.CustodyAsync(Number);
        Assert.Equal(ApiHost.Actor, trail.Single(e => e.Action == CustodyActions.PublicationDrafted).Actor);
        Assert.Equal(Reviewer, trail.Single(e => e.Action == CustodyActions.PublicationApproved).Actor);
        Assert.Equal(Reviewer, trail.Single(e => e.Action == CustodyActions.PublicationWithdrawn).Actor);
        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task Publication_Officer_SeesNoDraftsWithTheirOriginals()
    {
        await _host.SendAsync(new Application.Disclosure.DraftPublicationCommand(
            CaseNumber.Parse(Number), Number, "机关", Domain.Disclosure.PartyKind.NaturalPerson, null, false, Domain.Disclosure.Confidentiality.None, "王小明的事实", "依据", [], []));
        var officer = await _browser.SignedInPageAsync(ApiHost.Actor);

        await officer.GotoAsync("/publications");

        Assert.Equal(0, await officer.Locator("[data-test=draft]").CountAsync());
        Assert.Equal(0, await officer.Locator("[data-test=problem]").CountAsync());
    }
}
