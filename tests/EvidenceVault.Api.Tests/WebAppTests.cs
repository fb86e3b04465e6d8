using System.Net;
using System.Text.RegularExpressions;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

/// <summary>The web app over HTTP as a browser without JavaScript meets it, and as an attacker would try it.</summary>
public sealed partial class WebAppTests : IAsyncLifetime
{
    private const string OtherOfficer = "officer2";
    private readonly ApiHost _host = new();
    private readonly List<WebBrowser> _browsers = [];

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        await _host.AddUserAsync(OtherOfficer, OfficerId.Parse("040506"), Role.Officer);
        foreach (var user in new[] { ApiHost.Actor, OtherOfficer, ApiHost.Administrator })
        {
            await _host.SignInAsync(user);
        }
    }

    public async Task DisposeAsync()
    {
        _browsers.ForEach(b => b.Dispose());
        await _host.DisposeAsync();
    }

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
        Assert.Contains(await _host.CustodyAsync(ApiHost.Actor), e => e.Action == CustodyActions.SignedIn);
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
        var endpoints = _host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();
        var routes = endpoints.SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"])
            .Select(method => $"{method} /{e.RoutePattern.RawText?.Trim('/')}"));

        Assert.Empty(routes.GroupBy(r => r, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Contains("GET /case-files/{Number}", routes);
    }

    [Fact]
    public async Task Recording_OwnRecording_ShowsItsFactsAndTrailAndIsLoggedAsAView()
    {
        var browser = await SignedInAsync(ApiHost.Actor);
        using var response = await browser.GetAsync($"/evidence/{_host.RecordingId}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_host.Sha256, page, StringComparison.Ordinal);
        Assert.Contains("data-test=\"custody-trail\"", page, StringComparison.Ordinal);
        Assert.Contains(await _host.CustodyAsync(), e => e.Action == CustodyActions.Viewed && e.Actor == ApiHost.Actor);
    }

    [Fact]
    public async Task Recording_AnotherOfficersRecording_Is403InTheListNeverAndLogged()
    {
        var browser = await SignedInAsync(OtherOfficer);
        using var response = await browser.GetAsync($"/evidence/{_host.RecordingId}");
        var page = await response.Content.ReadAsStringAsync();
        using var list = await browser.GetAsync("/evidence");
        using var original = await browser.GetAsync($"/evidence/{_host.RecordingId}/original");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(_host.Sha256, page, StringComparison.Ordinal);
        Assert.Contains("data-code=\"access-denied\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.RecordingId, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, original.StatusCode);
        Assert.Contains(await _host.CustodyAsync(), e => e.Action == CustodyActions.AccessDenied && e.Actor == OtherOfficer);
    }

    [Fact]
    public async Task Dashboard_ARecordingDockedTwoDaysLate_IsCountedAndListedAsALateUpload()
    {
        var late = await _host.IngestPhotoAsync(ApiHost.OfficerNumber, 7, _host.Time.GetUtcNow().AddDays(-2));
        var browser = await SignedInAsync(ApiHost.Actor);

        var dashboard = await PageAsync(browser, "/");
        var lateList = await PageAsync(browser, "/evidence?late=true");
        var all = await PageAsync(browser, "/evidence");

        Assert.Matches("data-test=\"late-uploads\"[^§]*?>近 7 天录制的记录中有 1 条", dashboard);
        Assert.Contains(late, lateList, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.RecordingId, lateList, StringComparison.Ordinal);
        Assert.Contains(_host.RecordingId, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Original_RefusedForAPersonFromAForeignReferer_IsAPageWhoseWayBackStaysHome()
    {
        var browser = await SignedInAsync(OtherOfficer);
        using var navigation = new HttpRequestMessage(HttpMethod.Get, $"/evidence/{_host.RecordingId}/original");
        navigation.Headers.Referrer = new Uri("https://attacker.example/phish");
        using var refused = await browser.Http.SendAsync(navigation);
        using var script = new HttpRequestMessage(HttpMethod.Get, $"/evidence/{_host.RecordingId}/proxy");
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
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/evidence/{_host.RecordingId}/original");
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);
        using var ranged = await browser.Http.SendAsync(request);
        using var api = await browser.GetAsync($"/recordings/{_host.RecordingId}/original");

        Assert.Equal(HttpStatusCode.PartialContent, ranged.StatusCode);
        Assert.Equal(10, (await ranged.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains(await _host.CustodyAsync(), e => e.Action == CustodyActions.Retrieved && e.Actor == ApiHost.Actor);
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
        var everything = await _host.Services.GetRequiredService<ICustodyLog>().ReadAsync(null, CancellationToken.None);
        Assert.DoesNotContain(everything, r => r.Entry.Action == CustodyActions.UploadCreated);
    }

    [Fact]
    public async Task Archive_TwoArchivistsApproveADeletion_TheSamePersonTwiceIsRefused()
    {
        await _host.AddUserAsync("archivist2", null, Role.Archivist);
        foreach (var archivist in new[] { ApiHost.UserFor(Role.Archivist), "archivist2" })
        {
            await _host.SignInAsync(archivist);
        }

        _host.Time.Advance(TimeSpan.FromDays(3650));
        var first = await SignedInAsync(ApiHost.UserFor(Role.Archivist));
        var second = await SignedInAsync("archivist2");
        var officer = await SignedInAsync(ApiHost.Actor);

        using var refused = await officer.GetAsync("/archive");
        var page = await (await first.GetAsync("/archive")).Content.ReadAsStringAsync();
        using var proposed = await first.PostFormAsync("/archive", page, "propose", []);
        page = await proposed.Content.ReadAsStringAsync();
        var id = ProposalId().Match(page).Groups[1].Value;
        using var approved = await first.PostFormAsync("/archive", page, $"approve-{id}", new() { ["Decision.Reason"] = "期限届满", ["Decision.AcknowledgeRisk"] = "true" });
        page = await approved.Content.ReadAsStringAsync();
        using var again = await first.PostFormAsync("/archive", page, $"approve-{id}", new() { ["Decision.Reason"] = "再次批准", ["Decision.AcknowledgeRisk"] = "true" });
        var secondPage = await (await second.GetAsync("/archive")).Content.ReadAsStringAsync();
        using var byAnother = await second.PostFormAsync("/archive", secondPage, $"approve-{id}", new() { ["Decision.Reason"] = "同意", ["Decision.AcknowledgeRisk"] = "true" });
        var final = await byAnother.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual("", id);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("data-test=\"problem\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byAnother.StatusCode);
        Assert.Contains("data-test=\"recovery-window\"", final, StringComparison.Ordinal);
        Assert.Contains(await _host.CustodyAsync(), e => e.Action == "deletion.approved" && e.Actor == "archivist2");
    }

    [Fact]
    public async Task CaseWorkspace_ReviewDecideCloseAndReopen_FollowTheApisRules()
    {
        const string number = "京城管罚〔2026〕88号";
        var path = $"/case-files/{Uri.EscapeDataString(number)}";
        await _host.SendAsync(new Application.Cases.CreateCaseCommand(Domain.Cases.CaseNumber.Parse(number), Domain.Cases.EnforcementType.Penalty, "某某公司", null, [ApiHost.OfficerNumber]));
        foreach (var user in new[] { ApiHost.UserFor(Role.Reviewer), ApiHost.Leader })
        {
            await _host.SignInAsync(user);
        }

        var officer = await SignedInAsync(ApiHost.Actor);
        var outsider = await SignedInAsync(OtherOfficer);
        var reviewer = await SignedInAsync(ApiHost.UserFor(Role.Reviewer));
        var leader = await SignedInAsync(ApiHost.Leader);
        var decision = new Dictionary<string, string> { ["Form.Text"] = "罚款五万元", ["Form.Date"] = "2026-12-01", ["Form.Flag"] = "true" };

        using var unreviewed = await officer.PostFormAsync(path, await PageAsync(officer, path), "decide", decision);
        using var byOutsider = await outsider.PostFormAsync(path, await PageAsync(outsider, path), "decide", decision);
        var queueBefore = await PageAsync(reviewer, "/");
        using var reviewed = await reviewer.PostFormAsync(path, await PageAsync(reviewer, path), "review", new() { ["Form.Text"] = "事实清楚，证据确凿", ["Form.Date"] = "2026-11-30" });
        var queueAfter = await PageAsync(reviewer, "/");
        using var decided = await officer.PostFormAsync(path, await PageAsync(officer, path), "decide", decision);
        using var closed = await officer.PostFormAsync(path, await PageAsync(officer, path), "close", []);
        var closedPage = await closed.Content.ReadAsStringAsync();
        using var reopenAsked = await officer.PostFormAsync(path, closedPage, "reopen", new() { ["Form.Text"] = "补充送达回证" });
        using var selfApproved = await officer.PostFormAsync(path, await PageAsync(officer, path), "reopen-approve", []);
        using var approved = await leader.PostFormAsync(path, await PageAsync(leader, path), "reopen-approve", []);

        Assert.Equal(HttpStatusCode.Conflict, unreviewed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Assert.Contains(number, queueBefore, StringComparison.Ordinal);
        Assert.DoesNotContain(number, queueAfter, StringComparison.Ordinal);
        Assert.Contains("data-test=\"decision\"", await decided.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"decide\"", closedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reopenAsked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("value=\"decide\"", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var trail = await _host.CustodyAsync(number);
        Assert.Contains(trail, e => e.Action == CustodyActions.CaseReopened && e.Actor == ApiHost.Leader);
    }

    [Fact]
    public async Task Admin_IssuedStationKey_IsShownOnceUncachedAndAuthenticates()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        using var refused = await (await SignedInAsync(ApiHost.Actor)).GetAsync("/admin");
        using var issued = await admin.PostFormAsync("/admin", await PageAsync(admin, "/admin"), "issue-key", new() { ["Key.Station"] = "DS-09", ["Key.User"] = ApiHost.Actor });
        var page = await issued.Content.ReadAsStringAsync();
        var secret = KeySecret().Match(page).Groups[1].Value;
        var again = await PageAsync(admin, "/admin");
        var proof = await _host.SendAsync(new Application.Authentication.AuthenticateCommand(Application.Authentication.CredentialKind.StationKey, secret));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual("", secret);
        Assert.Equal("no-store", issued.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        Assert.Equal(ApiHost.Actor, proof.User?.Name.Value);
    }

    [Fact]
    public async Task Admin_CsvWithTwoBadLines_NamesBothAndImportsNothing()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        const string csv = "number,name,certificate,unit\n070809,李四,11010001,一中队\n,缺编号\n070811\n";
        using var import = await admin.PostFormAsync("/admin", await PageAsync(admin, "/admin"), "import", new() { ["Import.Kind"] = "officers", ["Import.Csv"] = csv });
        var page = WebUtility.HtmlDecode(await import.Content.ReadAsStringAsync());
        var registry = await _host.SendAsync(new Application.Registry.ListRegistryQuery());

        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Contains("Line 3", page, StringComparison.Ordinal);
        Assert.Contains("Line 4", page, StringComparison.Ordinal);
        Assert.DoesNotContain(registry.Officers, o => o.Number.Value == "070809");
    }

    [Fact]
    public async Task Admin_DisablingAUser_EndsTheirOpenWebSession()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        var victim = await SignedInAsync(OtherOfficer);
        var page = await PageAsync(admin, "/admin");
        using var disabled = await admin.PostFormAsync("/admin", page, $"disable-{OtherOfficer}", []);
        using var after = await victim.GetAsync("/evidence");

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.EndsWith("&ended=true", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marker_AddedOnTheRecordingPage_IsOnTheRecordingTheCaseTimelineAndTheLedger()
    {
        const string number = "京城管检〔2026〕5号";
        await _host.SendAsync(new Application.Cases.CreateCaseCommand(Domain.Cases.CaseNumber.Parse(number), Domain.Cases.EnforcementType.Inspection, "某某公司", null, [ApiHost.OfficerNumber]));
        await _host.SendAsync(new Application.Cases.AttachRecordingCommand(Domain.Cases.CaseNumber.Parse(number), RecordingId.Parse(_host.RecordingId), Domain.Cases.ProcedureStage.Investigation, "现场照片"));
        var officer = await SignedInAsync(ApiHost.Actor);
        var outsider = await SignedInAsync(OtherOfficer);
        var path = $"/evidence/{_host.RecordingId}";

        using var added = await officer.PostFormAsync(path, await PageAsync(officer, path), "marker", new() { ["Marker.At"] = "0", ["Marker.Note"] = "当事人出示营业执照" });
        using var empty = await officer.PostFormAsync(path, await PageAsync(officer, path), "marker", new() { ["Marker.At"] = "0", ["Marker.Note"] = " " });
        var timeline = await PageAsync(officer, $"/case-files/{Uri.EscapeDataString(number)}");
        using var forged = await outsider.PostFormAsync(path, await PageAsync(officer, path), "marker", new() { ["Marker.At"] = "0", ["Marker.Note"] = "伪造的标记" });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("当事人出示营业执照", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("当事人出示营业执照", timeline, StringComparison.Ordinal);
        Assert.Contains("data-test=\"case-markers\"", timeline, StringComparison.Ordinal);
        Assert.Contains(_host.RecordingId, await PageAsync(officer, $"/evidence?case={Uri.EscapeDataString(number)}"), StringComparison.Ordinal);
        Assert.DoesNotContain(_host.RecordingId, await PageAsync(officer, "/evidence?case=%E5%8F%A6%E4%B8%80%E6%A1%88"), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        var markers = (await _host.CustodyAsync()).Where(e => e.Action == CustodyActions.MarkerAdded).ToList();
        Assert.Equal(ApiHost.Actor, Assert.Single(markers).Actor);
    }

    [Fact]
    public async Task Export_ReviewerUnderAGrant_DownloadsTheSignedPackageAndWithoutOneIsRefused()
    {
        const string number = "京城管罚〔2026〕99号";
        await _host.SendAsync(new Application.Cases.CreateCaseCommand(Domain.Cases.CaseNumber.Parse(number), Domain.Cases.EnforcementType.Penalty, "某某公司", null, [ApiHost.OfficerNumber]));
        await _host.SendAsync(new Application.Cases.AttachRecordingCommand(Domain.Cases.CaseNumber.Parse(number), RecordingId.Parse(_host.RecordingId), Domain.Cases.ProcedureStage.Investigation, "现场照片"));
        var grant = await _host.GrantAsync(Role.Reviewer, number);
        var reviewer = await SignedInAsync(ApiHost.UserFor(Role.Reviewer));
        var path = $"/case-files/{Uri.EscapeDataString(number)}";
        var page = await PageAsync(reviewer, path);

        using var withoutGrant = await reviewer.PostFormAsync($"{path}/package", page, path + "/package", new() { ["proxies"] = "true" }, referer: path);
        using var underGrant = await reviewer.PostFormAsync($"{path}/package", page, path + "/package", new() { ["grant"] = grant, ["proxies"] = "true" });
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant"] = grant });
        using var withoutToken = await reviewer.Http.PostAsync($"{path}/package", forged);
        var zip = await underGrant.Content.ReadAsByteArrayAsync();

        var list = await PageAsync(reviewer, "/evidence");
        using var opened = await reviewer.GetAsync($"/evidence/{_host.RecordingId}?grant={Uri.EscapeDataString(grant)}");

        Assert.Contains($"/evidence/{_host.RecordingId}?grant={Uri.EscapeDataString(grant)}", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutGrant.StatusCode);
        Assert.Equal("text/html", withoutGrant.Content.Headers.ContentType?.MediaType);
        var refusal = await withoutGrant.Content.ReadAsStringAsync();
        Assert.Contains("data-code=\"access-denied\"", refusal, StringComparison.Ordinal);
        Assert.Contains($"href=\"{path}\" data-test=\"back\"", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, underGrant.StatusCode);
        Assert.Equal("application/zip", underGrant.Content.Headers.ContentType?.MediaType);
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        Assert.Contains(archive.Entries, e => e.FullName.EndsWith("manifest-sha256.txt", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains(await _host.CustodyAsync(number), e => e.Action == CustodyActions.CaseExported && e.Actor == ApiHost.UserFor(Role.Reviewer));
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
        Assert.Contains(await _host.CustodyAsync(ApiHost.Actor), e => e.Action == CustodyActions.SignedOut);
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

    /// <summary>Where a redirect goes, as a path of this host (and never another host).</summary>
    private static string PathOf(WebBrowser browser, HttpResponseMessage response)
    {
        var target = new Uri(browser.Http.BaseAddress!, response.Headers.Location!);
        Assert.Equal(browser.Http.BaseAddress!.Authority, target.Authority);
        return target.PathAndQuery;
    }

    private WebBrowser Browser()
    {
        var browser = new WebBrowser(_host.Anonymous.BaseAddress!);
        _browsers.Add(browser);
        return browser;
    }

    private static async Task<string> PageAsync(WebBrowser browser, string path) =>
        await (await browser.GetAsync(path)).Content.ReadAsStringAsync();

    private async Task<WebBrowser> SignedInAsync(string user)
    {
        var browser = Browser();
        using var response = await browser.SignInAsync(user, ApiHost.PasswordOf(user));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return browser;
    }

    [GeneratedRegex("data-test=\"key-secret\">([^<]+)<")]
    private static partial Regex KeySecret();

    [GeneratedRegex("data-proposal=\"(\\d+)\"")]
    private static partial Regex ProposalId();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    /// <summary>A text key shown as itself: <c>nav.cases</c> where words belong.</summary>
    [GeneratedRegex(">\\s*(layout|nav|sign-in|dashboard|evidence|recording|player|trail|cases?|retrievals?|stage|kind|origin)\\.[a-z-]+\\s*<")]
    private static partial Regex UntranslatedKey();
}
