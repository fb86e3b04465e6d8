using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EvidenceVault.Domain.Access;
using EvidenceVault.Hosting;

namespace EvidenceVault.Api.Tests;

/// <summary>No way to exhaust the service: text and body limits, rates per client, a cheap /healthz.</summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    private readonly ApiHost _host = new() { Limits = new ApiLimits { SignInsPerMinute = 10, AnonymousPerSecond = 20 } };

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task CreateCase_PartyOverItsLimit_400NamingTheFieldAndNothingWritten()
    {
        var before = (await _host.CustodyAsync()).Count;

        using var response = await _host.Client.PostAsJsonAsync("/cases", new { number = "京执罚〔2026〕91号", type = "penalty", party = new string('某', 501), officers = new[] { ApiHost.OfficerNumber.Value } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("party is 501 characters long; at most 500", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await _host.CustodyAsync()).Count);
    }

    [Fact]
    public async Task CreateCase_TwentyMegabyteBody_413BeforeTheUseCase()
    {
        var before = (await _host.CustodyAsync()).Count;
        var body = $"{{\"number\":\"京执罚〔2026〕92号\",\"type\":\"penalty\",\"party\":\"{new string('x', 20 << 20)}\",\"officers\":[\"{ApiHost.OfficerNumber.Value}\"]}}";

        // Expect: 100-continue lets the server refuse on the declared length before the client sends 20 MB.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cases") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, (await _host.CustodyAsync()).Count);
    }

    [Fact]
    public async Task SignIn_FloodFromOneAddress_429WithRetryAfter()
    {
        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 15; i++)
        {
            using var response = await _host.Anonymous.PostAsJsonAsync("/auth/sign-in", new { user = "nobody", password = "wrong-password-123" });
            statuses.Add(response.StatusCode);
            retryAfter ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response.Headers.RetryAfter?.Delta : null;
        }

        // The fixture's own sign-in counts too: at most 10 attempts a minute reach the password check.
        Assert.InRange(statuses.Count(s => s is HttpStatusCode.Unauthorized or HttpStatusCode.Locked), 9, 10);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.TooManyRequests), 5, 6);
        Assert.InRange(retryAfter ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Healthz_HundredParallelAnonymousCalls_OneCheckAndTheRestLimited()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _host.Anonymous.GetAsync("/healthz")));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var admin = await (await _host.ClientForAsync(Role.Administrator)).GetFromJsonAsync<JsonElement>("/healthz");
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 1, 20);
        Assert.Equal("intact", admin.GetProperty("custodyChain").GetString());
        Assert.True(admin.TryGetProperty("checkedAt", out _));
    }

    [Fact]
    public async Task Metrics_Anonymous_401()
    {
        using var response = await _host.Anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
