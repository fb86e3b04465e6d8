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
        var today = _host.StationToday;
        var reviewer = await _host.ClientForAsync(Role.Reviewer);

        using var response = await reviewer.PostAsJsonAsync("/retrievals", new { recordings = new[] { _host.RecordingId }, purpose = "复议审查", from = today.AddDays(fromDays), until = today.AddDays(untilDays) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await _host.CustodyAsync(), e => e.Action == "retrieval.requested");
    }

    [Fact]
    public async Task Recordings_OfAPendingRequest_NameWhoseTheyAreForTheApproverAndAre403ForAnotherOfficer()
    {
        var today = _host.StationToday;
        await _host.AddUserAsync("officer3", Domain.Recordings.OfficerId.Parse("070707"), Role.Officer);
        using var requested = await (await _host.ClientForAsync(Role.Reviewer)).PostAsJsonAsync("/retrievals", new { recordings = new[] { _host.RecordingId }, purpose = "复议审查", from = today, until = today });
        var id = (await requested.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        var leader = _host.ClientWith(new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await _host.SignInAsync(ApiHost.Leader)));
        var outsider = _host.ClientWith(new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await _host.SignInAsync("officer3")));

        var listed = await leader.GetFromJsonAsync<System.Text.Json.JsonElement>($"/retrievals/{id}/recordings");
        using var refused = await outsider.GetAsync($"/retrievals/{id}/recordings");

        var item = Assert.Single(listed.GetProperty("recordings").EnumerateArray());
        Assert.Equal((_host.RecordingId, ApiHost.OfficerNumber.Value), (item.GetProperty("recordingId").GetString(), item.GetProperty("officerId").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(_host.RecordingId, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
