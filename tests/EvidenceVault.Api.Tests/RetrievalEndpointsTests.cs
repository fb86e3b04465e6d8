using System.Net;
using System.Net.Http.Json;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Api.Tests;

/// <summary>Grant periods are bounded: at most the configured number of days, and never wholly in the past.</summary>
public sealed class RetrievalEndpointsTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData(0, 364, "at most 90 days")]
    [InlineData(-30, -20, "before now")]
    public async Task Request_PeriodOutOfBounds_400NamingTheBound(int fromDays, int untilDays, string expected)
    {
        var today = DateOnly.FromDateTime(_host.Time.GetUtcNow().UtcDateTime);
        var reviewer = await _host.ClientForAsync(Role.Reviewer);

        using var response = await reviewer.PostAsJsonAsync("/retrievals", new { recordings = new[] { _host.RecordingId }, purpose = "复议审查", from = today.AddDays(fromDays), until = today.AddDays(untilDays) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await _host.CustodyAsync(), e => e.Action == "retrieval.requested");
    }
}
