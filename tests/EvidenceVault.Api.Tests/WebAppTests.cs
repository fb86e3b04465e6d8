using System.Net;
using System.Text.RegularExpressions;
using EvidenceVault.Application.Custody;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

/// <summary>The web app over HTTP as a browser without JavaScript meets it, and as an attacker would try it: sessions, page security, recordings.</summary>
public sealed partial class WebAppTests : WebAppTestBase
{
    [Fact]
    public async Task Page_WithoutSession_RedirectsToSignInAndBack()
    {
        using var response = await Browser().GetAsync("/evidence?kind=Video");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Fevidence%3Fkind%3DVideo", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_RightPassword_SetsAStrictHttpOnlyCookieAndReturns()
    {
        var browser = Browser();
        using var response = await browser.SignInAsync(ApiHost.Actor, ApiHost.PasswordOf(ApiHost.Actor), "/evidence");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("evidencevault-session=", StringComparison.Ordinal));
        using var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/evidence", PathOf(browser, response));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("data-test=\"signed-in-user\"", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await Host.CustodyAsync(ApiHost.Actor), e => e.Action == CustodyActions.SignedIn);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsTheRefusalAndSetsNoCookie()
    {
        var browser = Browser();
        using var response = await browser.SignInAsync(ApiHost.Actor, "not-the-password-at-all");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("data-code=\"sign-in-failed\"", page, StringComparison.Ordinal);
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Form.User"] = ApiHost.Actor,
            ["Form.Password"] = ApiHost.PasswordOf(ApiHost.Actor),
        });
        var browser = Browser();
        using var response = await browser.Http.PostAsync("/sign-in", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(browser.SessionCookie);
    }

    [Theory]
    [InlineData("//evil.example/steal")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesHomeInstead(string returnUrl)
    {
        var browser = Browser();
        using var response = await browser.SignInAsync(ApiHost.Actor, ApiHost.PasswordOf(ApiHost.Actor), returnUrl);

        Assert.Equal("/", PathOf(browser, response));
    }

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/")]
    [InlineData("/evidence")]
    [InlineData("/case-files")]
    [InlineData("/grants")]
    [InlineData("/upload")]
    public async Task Pages_CarryAStrictContentSecurityPolicyAndNoInlineScript(string path)
    {
        var browser = await SignedInAsync(ApiHost.Actor);
        using var response = await browser.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {page}");
        Assert.Equal(Web.WebApp.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("'unsafe-inline'", Web.WebApp.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotMatch(InlineScript(), page);
        Assert.DoesNotMatch(EventHandlerAttribute(), page);
        Assert.DoesNotMatch(UntranslatedKey(), page);
    }

    [Fact]
    public void Routes_WebPagesAndTheApi_NeverShareAPath()
    {
        var endpoints = Host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();
        var routes = endpoints.SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
            .Select(method => $"{method} /{e.RoutePattern.RawText?.Trim('/')}"));

        Assert.Empty(routes.GroupBy(r => r, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Contains("GET /case-files/{Number}", routes);
    }

    [Fact]
    public async Task Recording_OwnRecording_ShowsItsFactsAndTrailAndIsLoggedAsAView()
    {
        var browser = await SignedInAsync(ApiHost.Actor);
        using var response = await browser.GetAsync($"/evidence/{Host.RecordingId}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Host.Sha256, page, StringComparison.Ordinal);
        Assert.Contains("data-test=\"custody-trail\"", page, StringComparison.Ordinal);
        Assert.Contains(await Host.CustodyAsync(), e => e.Action == CustodyActions.Viewed && e.Actor == ApiHost.Actor);
    }

    [Fact]
    public async Task Recording_AnotherOfficersRecording_Is403InTheListNeverAndLogged()
    {
        var browser = await SignedInAsync(OtherOfficer);
        using var response = await browser.GetAsync($"/evidence/{Host.RecordingId}");
        var page = await response.Content.ReadAsStringAsync();
        using var list = await browser.GetAsync("/evidence");
        using var original = await browser.GetAsync($"/evidence/{Host.RecordingId}/original");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(Host.Sha256, page, StringComparison.Ordinal);
        Assert.Contains("data-code=\"access-denied\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Host.RecordingId, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, original.StatusCode);
        Assert.Contains(await Host.CustodyAsync(), e => e.Action == CustodyActions.AccessDenied && e.Actor == OtherOfficer);
    }

    [Fact]
    public async Task Dashboard_ARecordingDockedTwoDaysLate_IsCountedAndListedAsALateUpload()
    {
        var late = await Host.IngestPhotoAsync(ApiHost.OfficerNumber, 7, Host.Time.GetUtcNow().AddDays(-2));
        var browser = await SignedInAsync(ApiHost.Actor);

        var dashboard = await PageAsync(browser, "/");
        var lateList = await PageAsync(browser, "/evidence?late=true");
        var all = await PageAsync(browser, "/evidence");

        Assert.Matches("data-test=\"late-uploads\"[^§]*?>近 7 天录制的记录中有 1 条", dashboard);
        Assert.Contains(late, lateList, StringComparison.Ordinal);
        Assert.DoesNotContain(Host.RecordingId, lateList, StringComparison.Ordinal);
        Assert.Contains(Host.RecordingId, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Original_RefusedForAPersonFromAForeignReferer_IsAPageWhoseWayBackStaysHome()
    {
        var browser = await SignedInAsync(OtherOfficer);
        using var navigation = new HttpRequestMessage(HttpMethod.Get, $"/evidence/{Host.RecordingId}/original");
        navigation.Headers.Referrer = new Uri("https://attacker.example/phish");
        using var refused = await browser.Http.SendAsync(navigation);
        using var script = new HttpRequestMessage(HttpMethod.Get, $"/evidence/{Host.RecordingId}/proxy");
        script.Headers.Accept.ParseAdd("*/*");
        using var player = await browser.Http.SendAsync(script);
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-code=\"access-denied\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/\" data-test=\"back\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, player.StatusCode);
        Assert.Equal("application/problem+json", player.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Original_WithSessionCookie_StreamsWithRangeButTheApiRefusesTheCookie()
    {
        var browser = await SignedInAsync(ApiHost.Actor);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/evidence/{Host.RecordingId}/original");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);
        using var ranged = await browser.Http.SendAsync(request);
        using var api = await browser.GetAsync($"/recordings/{Host.RecordingId}/original");

        Assert.Equal(HttpStatusCode.PartialContent, ranged.StatusCode);
        Assert.Equal(10, (await ranged.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains(await Host.CustodyAsync(), e => e.Action == CustodyActions.Retrieved && e.Actor == ApiHost.Actor);
    }

    [Fact]
    public async Task BrowserUploads_WithoutTheTusHeaderOrWithoutASession_CreateNothing()
    {
        var browser = await SignedInAsync(ApiHost.Actor);
        using var formPost = new FormUrlEncodedContent(new Dictionary<string, string> { ["filename"] = "a.mp4" });
        using var withoutHeader = await browser.Http.PostAsync(Web.WebUploads.Path, formPost);
        using var anonymous = new HttpRequestMessage(HttpMethod.Post, Web.WebUploads.Path) { Headers = { { "Tus-Resumable", "1.0.0" }, { "Upload-Length", "10" } } };
        using var withoutSession = await Browser().Http.SendAsync(anonymous);

        Assert.Equal(HttpStatusCode.PreconditionFailed, withoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withoutSession.StatusCode);
        var everything = await Host.Services.GetRequiredService<ICustodyLog>().ReadAsync(null, CancellationToken.None);
        Assert.DoesNotContain(everything, r => r.Entry.Action == CustodyActions.UploadCreated);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionSoTheOldCookieNoLongerWorks()
    {
        var browser = await SignedInAsync(ApiHost.Actor);
        var token = browser.SessionCookie!;
        var home = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();
        using var signOut = await browser.PostFormAsync("/sign-out", home, "/sign-out", []);
        var replay = Browser();
        replay.Cookies.Add(browser.Http.BaseAddress!, new Cookie("evidencevault-session", token));
        using var after = await replay.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/sign-in", signOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.EndsWith("&ended=true", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains(await Host.CustodyAsync(ApiHost.Actor), e => e.Action == CustodyActions.SignedOut);
    }

    [Fact]
    public async Task SignOut_WithoutTheAntiforgeryToken_KeepsTheSession()
    {
        var browser = await SignedInAsync(ApiHost.Actor);
        using var empty = new FormUrlEncodedContent([]);
        using var signOut = await browser.Http.PostAsync("/sign-out", empty);
        using var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Language_English_IsRememberedAndChangesTheWords()
    {
        var browser = await SignedInAsync(ApiHost.Actor);
        using var chinese = await browser.GetAsync("/evidence");
        using var switched = await browser.GetAsync("/language?to=en&returnUrl=%2Fevidence");
        using var english = await browser.GetAsync("/evidence");

        Assert.Contains("<html lang=\"zh-CN\">", await chinese.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/evidence", switched.Headers.Location?.OriginalString);
        var page = await english.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("Recordings", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    /// <summary>A text key shown as itself: <c>nav.cases</c> where words belong.</summary>
    [GeneratedRegex(">\\s*(layout|nav|sign-in|dashboard|evidence|recording|player|trail|cases?|retrievals?|stage|kind|origin)\\.[a-z-]+\\s*<")]
    private static partial Regex UntranslatedKey();
}
