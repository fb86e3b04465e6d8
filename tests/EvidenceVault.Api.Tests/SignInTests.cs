using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Hosting;

namespace EvidenceVault.Api.Tests;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task SignIn_RightPassword_ReturnsBearerTokenIdleTimeoutAndNotice()
    {
        await _host.SignInAsync(ApiHost.Administrator);

        using var response = await SignInAsync(ApiHost.Administrator, ApiHost.PasswordOf(ApiHost.Administrator));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var client = new HttpClient { BaseAddress = _host.Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("token").GetString());
        using var recordings = await client.GetAsync("/recordings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(1800, body.GetProperty("idleTimeoutSeconds").GetInt32());
        Assert.Contains("仅限授权人员", body.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Contains("authorised use only", body.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.True(Convert.FromBase64String(Base64(body.GetProperty("token").GetString()!)).Length >= 32);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, recordings.StatusCode);
        Assert.Contains(await _host.CustodyAsync(ApiHost.Administrator), e => e.Action == CustodyActions.SignedIn && e.Actor == ApiHost.Administrator);
    }

    [Fact]
    public async Task SignIn_WrongPassword_Returns401WithTheSameMessageAsAnUnknownUser()
    {
        using var wrong = await SignInAsync(ApiHost.Actor, "not-the-password-at-all");
        using var unknown = await SignInAsync("nobody", "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await Detail(unknown), await Detail(wrong));
        Assert.Contains(wrong.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        var failure = Assert.Single(await _host.CustodyAsync(ApiHost.Actor), e => e.Action == CustodyActions.SignInFailed);
        Assert.Contains("wrong-password", failure.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", failure.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksEvenTheRightPasswordUntilTenMinutesPass()
    {
        await _host.SignInAsync(ApiHost.Administrator);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await SignInAsync(ApiHost.Administrator, "wrong-password-" + i);
            statuses.Add(failed.StatusCode);
        }

        using var locked = await SignInAsync(ApiHost.Administrator, ApiHost.PasswordOf(ApiHost.Administrator));
        _host.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        using var stillLocked = await SignInAsync(ApiHost.Administrator, ApiHost.PasswordOf(ApiHost.Administrator));
        _host.Time.Advance(TimeSpan.FromSeconds(2));
        using var unlocked = await SignInAsync(ApiHost.Administrator, ApiHost.PasswordOf(ApiHost.Administrator));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.Locked], statuses);
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
        Assert.InRange(locked.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 599, 600);
        Assert.Contains("locked", await Detail(locked), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Locked, stillLocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        // Aggregated: one failure entry for the window and the lock's, whose count holds the other four.
        var custody = await _host.CustodyAsync(ApiHost.Administrator);
        Assert.Contains("\"failures\":4", Assert.Single(custody, e => e.Action == CustodyActions.LockedOut).Details, StringComparison.Ordinal);
        Assert.Single(custody, e => e.Action == CustodyActions.SignInFailed);
    }

    [Fact]
    public async Task Session_UnusedJustUnder30Minutes_StaysAliveAndSlides_JustOver_IsDead()
    {
        var client = await _host.ClientForAsync(Role.Archivist);

        _host.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        using var alive = await client.GetAsync("/recordings");
        _host.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        using var slid = await client.GetAsync("/recordings");
        _host.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
        using var dead = await client.GetAsync("/recordings");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, slid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, dead.StatusCode);
        Assert.Contains("30 minutes", await Detail(dead), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_BusyAllDay_EndsAfter12Hours()
    {
        var client = await _host.ClientForAsync(Role.Archivist);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            _host.Time.Advance(TimeSpan.FromMinutes(29));
            using var response = await client.GetAsync("/recordings");
            statuses.Add(response.StatusCode);
        }

        // 24 × 29 min = 11 h 36 min is inside the cap; 25 × 29 min = 12 h 5 min is past it.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 24), HttpStatusCode.Unauthorized], statuses);
    }

    [Fact]
    public async Task SignOut_EndsTheTokenAtOnce()
    {
        var client = await _host.ClientForAsync(Role.Reviewer);

        using var signOut = await client.PostAsync("/auth/sign-out", null);
        using var after = await client.GetAsync("/recordings");

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains(await _host.CustodyAsync("reviewer"), e => e.Action == CustodyActions.SignedOut && e.Actor == "reviewer");
    }

    [Fact]
    public async Task DisabledUser_TokenStopsWorkingAtOnce()
    {
        var client = await _host.ClientForAsync(Role.Archivist);
        using var before = await client.GetAsync("/recordings");

        await _host.SendAsync(new Application.Access.DisableUserCommand(UserName.Parse("archivist"), "left"));
        using var after = await client.GetAsync("/recordings");
        using var again = await SignInAsync("archivist", ApiHost.PasswordOf("archivist"));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("ended", await Detail(after), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task ReEnabledUser_OldSessionAndStationKeyStayDead()
    {
        // The attack: disable an account, re-enable it, and reuse the token and key issued before.
        var client = await _host.ClientForAsync(Role.Archivist);
        var issued = await _host.SendAsync(new IssueStationKeyCommand(StationName.Parse("DS-09"), UserName.Parse("archivist")));
        using var station = _host.ClientWith(new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", issued.Secret));
        Assert.Equal(HttpStatusCode.OK, (await station.GetAsync("/recordings")).StatusCode);

        await _host.SendAsync(new Application.Access.DisableUserCommand(UserName.Parse("archivist"), "left"));
        await _host.SendAsync(new Application.Access.UpdateUserCommand(UserName.Parse("archivist"), Enable: true));
        using var token = await client.GetAsync("/recordings");
        using var key = await station.GetAsync("/recordings");
        using var fresh = await SignInAsync("archivist", ApiHost.PasswordOf("archivist"));

        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, key.StatusCode);
        Assert.Contains("revoked", await Detail(key), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains(await _host.CustodyAsync("DS-09"), e => e.Action == CustodyActions.StationKeyRevoked);
    }

    [Fact]
    public async Task Notice_Anonymous_ReturnsTheSystemUseNotice()
    {
        var body = await _host.Anonymous.GetFromJsonAsync<JsonElement>("/auth/notice");

        Assert.Contains("行政执法全过程记录系统", body.GetProperty("notice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoUsers_ProtectedAndSignIn_Answer401WithTheFirstAdministratorHint_NoticeConfigurable()
    {
        var settings = new EvidenceVaultSettings { DataDirectory = Path.Combine(_host.Data, "empty"), Actor = "api-host", SystemUseNotice = "仅供测试 test only" };
        await using var app = EvidenceVaultApi.Build(settings, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var recordings = await client.GetAsync("/recordings");
        using var signIn = await client.PostAsJsonAsync("/auth/sign-in", new { user = "admin", password = "whatever-it-is-here" });
        var notice = await client.GetFromJsonAsync<JsonElement>("/auth/notice");
        var hint = await Detail(recordings);

        Assert.Equal(HttpStatusCode.Unauthorized, recordings.StatusCode);
        Assert.Contains("users add", hint, StringComparison.Ordinal);
        Assert.Contains("users set-password", hint, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Contains("users add", await Detail(signIn), StringComparison.Ordinal);
        Assert.Equal("仅供测试 test only", notice.GetProperty("notice").GetString());
    }

    [Fact]
    public async Task BadToken_Returns401InvalidTokenChallenge()
    {
        using var client = new HttpClient { BaseAddress = _host.Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "forged-token");

        using var response = await client.GetAsync("/recordings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter!.Contains("invalid_token", StringComparison.Ordinal));
    }

    private Task<HttpResponseMessage> SignInAsync(string user, string password) =>
        _host.Anonymous.PostAsJsonAsync("/auth/sign-in", new { user, password });

    private static async Task<string> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    private static string Base64(string base64Url) =>
        base64Url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (base64Url.Length % 4)) % 4);
}
