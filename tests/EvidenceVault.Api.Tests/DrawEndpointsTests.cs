using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Api.Tests;

/// <summary>Draws and spot checks over HTTP: commit before the seed is public, reveal when it is due, verify, review the sample.</summary>
public sealed class DrawEndpointsTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private string SeedDue => _host.Time.GetUtcNow().AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Draw_CommitRevealShowVerifyList_OutcomeHoldsAgainstTheLedger()
    {
        var reviewer = await _host.ClientForAsync(Role.Reviewer);
        using var committed = await reviewer.PostAsJsonAsync("/draws", new { title = "2026年检查对象", candidates = new[] { "甲", "乙", "丙", "丁" }.Select(id => new { id }), seedSource = "福彩3D 2026-12-10", quota = new[] { "2" }, seedDueAt = SeedDue });
        Assert.True(committed.StatusCode == HttpStatusCode.Created, await committed.Content.ReadAsStringAsync());
        var id = (await committed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var early = await reviewer.PostAsJsonAsync($"/draws/{id}/reveal", new { seed = "583" });
        _host.Time.Advance(TimeSpan.FromMinutes(1));
        using var revealed = await reviewer.PostAsJsonAsync($"/draws/{id}/reveal", new { seed = "583" });
        var shown = await reviewer.GetFromJsonAsync<JsonElement>($"/draws/{id}");
        var verified = await reviewer.GetFromJsonAsync<JsonElement>($"/draws/{id}/verify");
        var listed = await reviewer.GetFromJsonAsync<JsonElement>("/draws");

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal(2, shown.GetProperty("reveal").GetProperty("selected").GetArrayLength());
        Assert.True(verified.GetProperty("matches").GetBoolean());
        Assert.Equal(id, Assert.Single(listed.GetProperty("draws").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task SpotCheck_CommitRevealReviewStatistics_TheSampleIsReviewedUnderItsGrant()
    {
        var reviewer = await _host.ClientForAsync(Role.Reviewer);
        using var committed = await reviewer.PostAsJsonAsync("/spot-checks", new { title = "本月执法记录抽查", from = _host.StationToday, until = _host.StationToday, perStratum = 1, seedSource = "福彩3D 2026-12-10", seedDueAt = SeedDue });
        Assert.True(committed.StatusCode == HttpStatusCode.Created, await committed.Content.ReadAsStringAsync());
        var id = (await committed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        _host.Time.Advance(TimeSpan.FromMinutes(1));

        using var revealed = await reviewer.PostAsJsonAsync($"/spot-checks/{id}/reveal", new { seed = "583" });
        var reveal = (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reveal");
        var findings = new SpotCheckLimits().Checklist.Select(item => new { item, met = item != "identity shown", note = item == "identity shown" ? "未出示证件" : null });
        using var reviewed = await reviewer.PostAsJsonAsync($"/spot-checks/{id}/reviews", new { recording = _host.RecordingId, findings, followUp = "重新培训" });
        using var outside = await reviewer.PostAsJsonAsync($"/spot-checks/{id}/reviews", new { recording = await _host.IngestPhotoAsync(ApiHost.OfficerNumber, 1), findings, followUp = "重新培训" });
        var statistics = await reviewer.GetFromJsonAsync<JsonElement>($"/spot-checks/{id}/statistics");

        Assert.Equal(_host.RecordingId, Assert.Single(reveal.GetProperty("selected").EnumerateArray()).GetProperty("id").GetString());
        Assert.StartsWith("R-", reveal.GetProperty("grant").GetString(), StringComparison.Ordinal);
        Assert.True(reviewed.StatusCode == HttpStatusCode.Created, await reviewed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        var figures = Assert.Single(statistics.GetProperty("figures").EnumerateArray());
        Assert.Equal((1, 1, 0), (figures.GetProperty("sampled").GetInt32(), figures.GetProperty("reviewed").GetInt32(), figures.GetProperty("passed").GetInt32()));
        Assert.Equal(1, figures.GetProperty("failedItems").GetProperty("identity shown").GetInt32());
    }
}
