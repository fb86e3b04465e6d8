using System.Globalization;
using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Web.Tests;

/// <summary>The case workspace in a real chromium: an activity that suggests a recording, the suggestion accepted, and a completeness finding.</summary>
public sealed class CaseTimelineTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string Case = "京城管强〔2026〕5号";
    private readonly ApiHost _host = new();
    private BrowserSession _browser = default!;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _browser = new BrowserSession(chromium, _host);
        await _host.SignInAsync(ApiHost.Actor);
        await _host.SendAsync(new CreateCaseCommand(CaseNumber.Parse(Case), EnforcementType.Coercion, "某某水果店", "超出门窗经营", [ApiHost.OfficerNumber]));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task CaseWorkspace_SeizureAnHourBeforeAPhoto_SuggestsItAcceptedLinksItAndFlagsTheMissingVideo()
    {
        var photo = await _host.SendAsync(new ShowRecordingQuery(RecordingId.Parse(_host.RecordingId)));
        var local = TimeZoneInfo.ConvertTime(photo.RecordedAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var page = await _browser.SignedInPageAsync(ApiHost.Actor);
        await page.GotoAsync($"/case-files/{Uri.EscapeDataString(Case)}");
        var suggestedBefore = await page.Locator("[data-test=suggestion]").CountAsync();

        await page.SelectOptionAsync("#act-stage", nameof(ProcedureStage.Investigation));
        await page.FillAsync("#act-type", "seizure");
        await page.FillAsync("#act-place", "朝阳区某某路12号");
        await page.FillAsync("#act-start", local.AddHours(-2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.FillAsync("#act-end", local.AddHours(-1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.ClickAsync("form:has(#act-type) button[type=submit]");
        var suggestion = page.Locator("[data-test=suggestion]", new() { HasText = _host.RecordingId });
        var suggested = await suggestion.CountAsync();
        var reason = await suggestion.TextContentAsync();
        await suggestion.Locator("form").First.Locator("button").ClickAsync();

        var done = await page.TextContentAsync("[data-test=done]");
        var investigation = await page.TextContentAsync("[data-test=timeline] li[data-stage=Investigation]");
        var findings = await page.TextContentAsync("section.findings");
        var suggestedAfter = await page.Locator("[data-test=suggestion]", new() { HasText = _host.RecordingId }).CountAsync();

        Assert.Equal(0, suggestedBefore);
        Assert.Equal(1, suggested);
        Assert.Contains("(seizure, case", reason, StringComparison.Ordinal);
        Assert.Contains(_host.RecordingId, done, StringComparison.Ordinal);
        Assert.Contains(_host.RecordingId, investigation, StringComparison.Ordinal);
        Assert.Contains("seizure", investigation, StringComparison.Ordinal);
        Assert.Contains("seizure-video", findings, StringComparison.Ordinal);
        Assert.Equal(0, suggestedAfter);
        var custody = await _host.CustodyAsync(Case);
        Assert.Contains(custody, e => e.Action == CustodyActions.ActivityAdded && e.Actor == ApiHost.Actor);
        Assert.Contains(custody, e => e.Action == CustodyActions.RecordingLinked && e.Actor == ApiHost.Actor && e.Details.Contains(_host.RecordingId, StringComparison.Ordinal));
        var timeline = await _host.SendAsync(new CaseTimelineQuery(CaseNumber.Parse(Case)));
        Assert.Contains(timeline.Stages.Single(s => s.Stage == ProcedureStage.Investigation).Records, r => r.Recording.Id.Value == _host.RecordingId);
        Assert.Empty(_browser.Errors);
    }
}
