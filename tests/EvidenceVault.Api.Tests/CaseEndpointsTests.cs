using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Api.Tests;

public sealed class CaseEndpointsTests : IAsyncLifetime
{
    private const string Case = "京执罚〔2026〕7号";

    private readonly ApiHost _host = new();

    private static string CasePath => $"/cases/{Uri.EscapeDataString(Case)}";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        using var created = await _host.Client.PostAsJsonAsync("/cases", new { number = Case, type = "penalty", party = "某某公司", officers = new[] { "010203" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task CreateCase_MissingParty_Returns400NamingTheField()
    {
        using var response = await _host.Client.PostAsJsonAsync("/cases", new { number = "京执罚〔2026〕8号", type = "penalty" });

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'party'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCase_SameNumberTwice_Returns409()
    {
        using var response = await _host.Client.PostAsJsonAsync("/cases", new { number = Case, type = "penalty", party = "另一家公司" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("case-conflict", "conflict"), (problem.GetProperty("title").GetString(), problem.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Attach_ToAnActivityOfAnotherCase_Returns404AndLinksNothing()
    {
        const string other = "京执罚〔2026〕9号";
        using var created = await _host.Client.PostAsJsonAsync("/cases", new { number = other, type = "penalty", party = "另一家公司", officers = new[] { "010203" } });
        var start = _host.Time.GetUtcNow().AddDays(-1);
        var elsewhere = await _host.SendAsync(new Application.Cases.AddActivityCommand(Domain.Cases.CaseNumber.Parse(other), Domain.Cases.ProcedureStage.Investigation, "seizure", [ApiHost.OfficerNumber], null, start, start.AddHours(1)));

        using var attached = await _host.Client.PostAsJsonAsync($"{CasePath}/links", new { recording = _host.RecordingId, stage = "investigation", reason = "scene photo", activityId = elsewhere.Id });

        Assert.Equal(HttpStatusCode.NotFound, attached.StatusCode);
        Assert.Empty((await _host.SendAsync(new Application.Cases.ShowCaseQuery(Domain.Cases.CaseNumber.Parse(Case)))).Links);
    }

    [Fact]
    public async Task AttachThenTimeline_ShowsTheRecordingInItsStage()
    {
        using var attached = await _host.Client.PostAsJsonAsync($"{CasePath}/links", new { recording = _host.RecordingId, stage = "investigation", reason = "scene photo" });
        var timeline = await _host.Client.GetFromJsonAsync<JsonElement>($"{CasePath}/timeline");

        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        var stage = timeline.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "Investigation");
        Assert.Equal(_host.RecordingId, Assert.Single(stage.GetProperty("records").EnumerateArray()).GetProperty("recordingId").GetString());
        var custody = await (await _host.ClientForAsync(Role.Archivist)).GetFromJsonAsync<JsonElement>($"/audit/custody?subject={Uri.EscapeDataString(Case)}");
        Assert.Contains(custody.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "case.recording-linked" && e.GetProperty("actor").GetString() == ApiHost.Actor);
    }

    [Fact]
    public async Task Detach_WithoutReason_Returns400AndKeepsTheLink()
    {
        await _host.Client.PostAsJsonAsync($"{CasePath}/links", new { recording = _host.RecordingId, stage = "investigation", reason = "scene photo" });

        using var detached = await _host.Client.PostAsJsonAsync($"{CasePath}/links/{_host.RecordingId}/detach", new { });
        var shown = await _host.Client.GetFromJsonAsync<JsonElement>(CasePath);

        Assert.Equal(HttpStatusCode.BadRequest, detached.StatusCode);
        Assert.Single(shown.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task AddActivity_EndBeforeStart_Returns400()
    {
        var start = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

        using var response = await _host.Client.PostAsJsonAsync($"{CasePath}/activities", new { stage = "investigation", activityType = "inspection", start, end = start.AddHours(-1) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AddThenUpdateActivity_ChangesOnlyTheGivenFields()
    {
        var start = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
        using var added = await _host.Client.PostAsJsonAsync($"{CasePath}/activities", new { stage = "investigation", activityType = "inspection", officers = new[] { "010203" }, place = "仓库", start, end = start.AddHours(1) });
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var updated = await _host.Client.PutAsJsonAsync($"{CasePath}/activities/{id}", new { place = "办公室" });

        var activity = (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activity");
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("办公室", activity.GetProperty("place").GetString());
        Assert.Equal("inspection", activity.GetProperty("activityType").GetString());
    }

    [Fact]
    public async Task ListCases_WithLimit_AnswersTheNewestOnly_WithoutIt_Every()
    {
        _host.Time.Advance(TimeSpan.FromMinutes(1)); // the clock is fake: the second case is newer only if time moves
        using var second = await _host.Client.PostAsJsonAsync("/cases", new { number = "京执罚〔2026〕9号", type = "penalty", party = "另一家公司" });

        var limited = await _host.Client.GetFromJsonAsync<JsonElement>("/cases?limit=1");
        var all = await _host.Client.GetFromJsonAsync<JsonElement>("/cases");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("京执罚〔2026〕9号", Assert.Single(limited.GetProperty("cases").EnumerateArray()).GetProperty("number").GetString());
        Assert.Equal(2, all.GetProperty("cases").GetArrayLength());
    }

    [Fact]
    public async Task Decision_OpensDeadlines_ListedUnderDeadlines()
    {
        using var decided = await _host.Client.PostAsJsonAsync($"{CasePath}/decision", new { date = "2026-03-02", conclusion = "罚款", isMajor = false });
        var deadlines = await _host.Client.GetFromJsonAsync<JsonElement>("/deadlines");

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Contains(deadlines.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("caseNumber").GetString() == Case);
    }

    [Fact]
    public async Task Revocation_BeforeTheDecisionOrTwice_RefusedAndTheFirstOneOpensTheTakedownClock()
    {
        using var decided = await _host.Client.PostAsJsonAsync($"{CasePath}/decision", new { date = "2026-03-02", conclusion = "罚款", isMajor = false });

        using var early = await _host.Client.PostAsJsonAsync($"{CasePath}/revocation", new { date = "2026-03-01" });
        using var revoked = await _host.Client.PostAsJsonAsync($"{CasePath}/revocation", new { date = "2026-03-05" });
        using var again = await _host.Client.PostAsJsonAsync($"{CasePath}/revocation", new { date = "2026-03-06" });
        var deadlines = await _host.Client.GetFromJsonAsync<JsonElement>("/deadlines");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.Conflict), (early.StatusCode, revoked.StatusCode, again.StatusCode));
        Assert.Contains(deadlines.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("caseNumber").GetString() == Case && d.GetProperty("obligation").GetString() == "take down revoked decision");
    }

    [Fact]
    public async Task Disclosure_TypedPublicationDate_RouteIsGone()
    {
        // Publishing is approval on the site; a typed date must not be able to meet the 7/20-day clock.
        using var response = await _host.Client.PostAsJsonAsync($"{CasePath}/disclosures/publish", new { date = "2026-03-02" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Export_ReviewerUnderGrant_ZipHoldsTheBitExactOriginal()
    {
        await _host.Client.PostAsJsonAsync($"{CasePath}/links", new { recording = _host.RecordingId, stage = "investigation", reason = "scene photo" });
        var grant = await _host.GrantAsync(Role.Reviewer, Case);
        var reviewer = await _host.ClientForAsync(Role.Reviewer);

        using var withoutGrant = await reviewer.PostAsync($"{CasePath}/export", null);
        using var response = await reviewer.PostAsync($"{CasePath}/export?grant={grant}", null);

        Assert.Equal(HttpStatusCode.Forbidden, withoutGrant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var original = zip.Entries.Single(e => e.FullName.Contains("/originals/", StringComparison.Ordinal) && e.FullName.Contains(_host.RecordingId, StringComparison.Ordinal));
        await using var bytes = await original.OpenAsync();
        Assert.Equal(_host.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(bytes)));
        Assert.Contains(zip.Entries, e => e.Name == "verify.sh");
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_host.Data, "downloads")));
    }

    [Fact]
    public async Task UnknownCase_Returns404Problem()
    {
        using var response = await _host.Client.GetAsync($"/cases/{Uri.EscapeDataString("京执罚〔2026〕99号")}/timeline");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
