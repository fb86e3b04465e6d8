using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Microsoft.Playwright;

namespace EvidenceVault.Web.Tests;

/// <summary>The four-eyes deletion on the archive page in a real chromium: two different archivists, never one twice.</summary>
public sealed class DeletionApprovalTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const string First = "archivist";
    private const string Second = "archivist2";
    private readonly ApiHost _host = new();
    private BrowserSession _browser = default!;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _browser = new BrowserSession(chromium, _host);
        await _host.AddUserAsync(Second, null, Role.Archivist);
        foreach (var user in new[] { First, Second })
        {
            await _host.SignInAsync(user);
        }

        // Past the six-month floor: the fixture's photo (no case, no category) is due for deletion.
        _host.Time.Advance(TimeSpan.FromDays(200));
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Deletion_TwoArchivistsApprove_SameArchivistTwiceIsRefusedWithAMessage()
    {
        var first = await _browser.SignedInPageAsync(First);
        await first.GotoAsync("/archive");
        await first.Locator("[data-test=propose]").ClickAsync();
        var row = first.Locator("tr[data-proposal]", new PageLocatorOptions { HasText = _host.RecordingId });
        var proposal = await row.GetAttributeAsync("data-proposal");

        await ApproveAsync(first, proposal!, "保管期限届满，经核查无关联案件");
        var afterFirst = await first.TextContentAsync($"tr[data-proposal='{proposal}']");
        await ApproveAsync(first, proposal!, "再次审批");
        var refusal = await first.TextContentAsync("[data-test=problem]");
        var afterTwice = await first.TextContentAsync($"tr[data-proposal='{proposal}']");

        var second = await _browser.SignedInPageAsync(Second);
        await second.GotoAsync("/archive");
        await ApproveAsync(second, proposal!, "复核同意销毁");
        var done = await second.TextContentAsync("[data-test=done]");
        var window = await second.Locator($"tr[data-proposal='{proposal}'] [data-test=recovery-window]").CountAsync();

        Assert.Contains(First, afterFirst, StringComparison.Ordinal);
        Assert.Contains("already approved", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("再次审批", afterTwice, StringComparison.Ordinal);
        Assert.NotNull(done);
        Assert.Equal(1, window);
        var approvals = (await _host.CustodyAsync()).Where(e => e.Action == CustodyActions.DeletionApproved).Select(e => e.Actor).ToList();
        Assert.Equal([First, Second], approvals);
        // The refused approval's page comes with its error status; nothing else may show in the console.
        Assert.DoesNotContain(_browser.Errors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    private static async Task ApproveAsync(IPage page, string proposal, string reason)
    {
        var form = page.Locator($"tr[data-proposal='{proposal}'] form:has([data-test=approve])");
        await form.Locator($"[id='reason-{proposal}']").FillAsync(reason);
        if (await form.Locator("input[type=checkbox]").CountAsync() > 0)
        {
            await form.Locator("input[type=checkbox]").CheckAsync();
        }

        await page.RunAndWaitForResponseAsync(() => form.Locator("[data-test=approve]").ClickAsync(), r => r.Request.Method == "POST");
        await page.WaitForLoadStateAsync();
    }
}
