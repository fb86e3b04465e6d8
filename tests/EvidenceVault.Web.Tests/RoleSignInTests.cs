using System.Net.Http.Json;
using System.Text.Json;
using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Web.Tests;

/// <summary>Signing in through the form as each role, and the lockout after repeated wrong passwords, in a real chromium.</summary>
public sealed class RoleSignInTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private static readonly string[] Everyone = ["/", "/evidence", "/case-files", "/grants", "/publications"];
    private readonly ApiHost _host = new();
    private BrowserSession _browser = default!;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _browser = new BrowserSession(chromium, _host);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData(ApiHost.Actor, "/upload", "unfiled")]
    [InlineData("reviewer", "/requests /inspections", "review-queue")]
    [InlineData(ApiHost.Leader, "/upload", "unfiled")]
    [InlineData("archivist", "/archive /requests /stations", "incidents")]
    [InlineData(ApiHost.Administrator, "/upload /archive /requests /stations /prior-disclosure /admin /inspections", "incidents")]
    public async Task SignIn_EachRole_LandsOnTheDashboardWithOnlyTheNavigationItsRoleAllows(string user, string extraLinks, string roleCard)
    {
        await _host.SignInAsync(user);
        var page = await _browser.NewPageAsync();

        await BrowserSession.SubmitSignInAsync(page, user);
        await page.WaitForSelectorAsync("[data-test=signed-in-user]");
        var links = await page.Locator("header nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.True(await page.Locator("h1").IsVisibleAsync());
        Assert.Contains($"({user})", await page.TextContentAsync("[data-test=signed-in-user]"), StringComparison.Ordinal);
        var expected = Everyone.Concat(extraLinks.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, links.Order(StringComparer.Ordinal));
        Assert.Equal(1, await page.Locator($"[data-test={roleCard}]").CountAsync());
        Assert.Contains(await _host.CustodyAsync(user), e => e.Action == CustodyActions.SignedIn);
        Assert.Empty(_browser.Errors);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_ShowsTheLockoutAndRefusesTheRightPasswordWhileLocked()
    {
        await _host.SignInAsync("archivist");
        var page = await _browser.NewPageAsync();
        var codes = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            await BrowserSession.SubmitSignInAsync(page, "archivist", $"wrong-password-{i}");
            codes.Add(await page.GetAttributeAsync("[role=alert]", "data-code"));
        }

        await BrowserSession.SubmitSignInAsync(page, "archivist");
        var lockedCode = await page.GetAttributeAsync("[role=alert]", "data-code");
        var lockedText = await page.TextContentAsync("[role=alert]");
        using var api = await _host.Anonymous.PostAsync("/auth/sign-in", JsonContent.Create(new { user = "archivist", password = ApiHost.PasswordOf("archivist") }));

        Assert.Equal([.. Enumerable.Repeat("sign-in-failed", 4), "account-locked"], codes);
        Assert.Equal("account-locked", lockedCode);
        var detail = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("locked", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(detail, lockedText, StringComparison.Ordinal);
        Assert.EndsWith("/sign-in", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-test=signed-in-user]").CountAsync());
        Assert.Equal(System.Net.HttpStatusCode.Locked, api.StatusCode);
        Assert.Contains(await _host.CustodyAsync("archivist"), e => e.Action == CustodyActions.LockedOut);
    }
}
