using System.Net;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;
using EvidenceVault.Testing.Inspections;
using EvidenceVault.Testing.PriorDisclosure;

namespace EvidenceVault.Api.Tests;

/// <summary>The 双随机 staff page: a supervisor reveals, records recusals and outcomes and publishes; officers do not open it.</summary>
public sealed class WebInspectionTests : WebAppTestBase
{
    private const string Page = "/inspections?task=IT-1";

    [Fact]
    public async Task Page_SupervisorRevealsRecusesRecordsAndPublishes_EveryStepOnTheLedgerAndABlankReasonRefused()
    {
        await CreateTaskAsync();
        Host.Time.Advance(TimeSpan.FromMinutes(2));
        var reviewer = await SignedInAsync("reviewer");

        var revealed = await PostAsync(reviewer, "reveal", new() { ["Reveal.Seed"] = "583" });
        var task = (await Host.SendAsync(new ShowInspectionTaskQuery(InspectionTaskId.Parse("IT-1")))).Task;
        var first = task.Assignment![0];
        using var blank = await reviewer.PostFormAsync(Page, await PageAsync(reviewer, Page), "recuse", new() { ["Recusal.Target"] = first.Target, ["Recusal.Inspector"] = first.Inspectors[0], ["Recusal.Reason"] = " " });
        var blankPage = await blank.Content.ReadAsStringAsync();
        var recused = await PostAsync(reviewer, "recuse", new() { ["Recusal.Target"] = first.Target, ["Recusal.Inspector"] = first.Inspectors[0], ["Recusal.Reason"] = "与检查对象负责人系亲属" });
        foreach (var a in task.Assignment)
        {
            await PostAsync(reviewer, "outcome", new() { ["Outcome.Target"] = a.Target, ["Outcome.Result"] = "Rectification", ["Outcome.Handling"] = "责令限期整改", ["Outcome.Date"] = Host.StationToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        }

        var published = await PostAsync(reviewer, "publish", []);

        Assert.Contains("任务 IT-1 已揭示", revealed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("needs its reason", blankPage, StringComparison.Ordinal);
        Assert.Contains($"{first.Inspectors[0]} 回避", recused, StringComparison.Ordinal);
        Assert.Contains("的结果已于", published, StringComparison.Ordinal);
        Assert.Contains("data-test=\"verified\"", published, StringComparison.Ordinal);
        Assert.Contains("结果已公开", published, StringComparison.Ordinal);
        var actions = (await Host.CustodyAsync("IT-1")).Select(e => e.Action).ToList();
        Assert.Single(actions, a => a == CustodyActions.InspectionRecused);
        Assert.Equal(2, actions.Count(a => a == CustodyActions.InspectionOutcomeRecorded));
        Assert.Single(actions, a => a == CustodyActions.InspectionPublished);
    }

    [Fact]
    public async Task Page_Officer_ForbiddenWithoutTheTasksAndTheLink()
    {
        await CreateTaskAsync();
        var officer = await SignedInAsync(ApiHost.Actor);

        using var response = await officer.GetAsync(Page);
        var page = await response.Content.ReadAsStringAsync();
        var home = await PageAsync(officer, "/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(InspectionSamples.Matter, page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/inspections\"", home, StringComparison.Ordinal);
    }

    private async Task CreateTaskAsync()
    {
        // The reviewer's first sign-in sets the password the web form then uses.
        await Host.SignInAsync("reviewer");
        await Host.SendAsync(new EditPriorDisclosureCommand(PriorDisclosureSamples.Set()));
        await Host.SendAsync(new PublishPriorDisclosureCommand());
        await Host.SendAsync(new ImportInspectionPoolCommand(InspectionPoolKind.Targets, InspectionSamples.Targets));
        await Host.SendAsync(new ImportInspectionPoolCommand(InspectionPoolKind.Inspectors, InspectionSamples.Inspectors));
        await Host.SendAsync(new CreateInspectionTaskCommand(
            InspectionSamples.Matter, new PoolFilter(null, "鼓楼区"), 2, 2, SeedSource.Parse("福彩3D 2026-12-10"), Host.Time.GetUtcNow().AddMinutes(1)));
    }

    private static async Task<string> PostAsync(WebBrowser browser, string form, Dictionary<string, string> fields)
    {
        var page = await PageAsync(browser, Page);
        using var response = await browser.PostFormAsync(Page, page, form, fields);
        var after = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form}: {(int)response.StatusCode} {after}");
        return after;
    }
}
