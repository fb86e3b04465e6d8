using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.Access;
using EvidenceVault.Testing.Inspections;
using EvidenceVault.Testing.PriorDisclosure;

namespace EvidenceVault.Api.Tests;

/// <summary>双随机一公开 over HTTP: pools as CSV bodies, a task from commitment to publication, and the refusals on the way.</summary>
public sealed class InspectionEndpointsTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();
    private HttpClient _reviewer = null!;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        await _host.SendAsync(new EditPriorDisclosureCommand(PriorDisclosureSamples.Set()));
        await _host.SendAsync(new PublishPriorDisclosureCommand());
        _reviewer = await _host.ClientForAsync(Role.Reviewer);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Task_ImportCreateRevealOutcomesPublish_PublishedOnceAndVerifies()
    {
        using var targets = await ImportAsync("targets", InspectionSamples.Targets);
        await ImportAsync("inspectors", InspectionSamples.Inspectors);
        var created = await CreateAsync();

        using var early = await _reviewer.PostAsJsonAsync("/inspections/tasks/IT-1/reveal", new { seed = "583" });
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        var revealed = await JsonAsync(await _reviewer.PostAsJsonAsync("/inspections/tasks/IT-1/reveal", new { seed = "583" }));
        foreach (var a in revealed.GetProperty("assignment").EnumerateArray())
        {
            using var outcome = await _reviewer.PostAsJsonAsync(
                "/inspections/tasks/IT-1/outcomes", new { target = a.GetProperty("target").GetString(), result = "NoProblem", handling = "无", date = _host.StationToday });
            Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        }

        var published = await JsonAsync(await _reviewer.PostAsync("/inspections/tasks/IT-1/publish", null));
        using var twice = await _reviewer.PostAsync("/inspections/tasks/IT-1/publish", null);
        var shown = await JsonAsync(await _reviewer.GetAsync("/inspections/tasks/IT-1"));
        var listed = await JsonAsync(await _reviewer.GetAsync("/inspections/tasks"));
        var pool = await JsonAsync(await _reviewer.GetAsync("/inspections/pools/inspectors"));

        Assert.Equal(HttpStatusCode.Created, targets.StatusCode);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(InspectionSamples.Targets))), (await JsonAsync(targets)).GetProperty("sha256").GetString());
        Assert.Equal(("IT-1", "D-1", "D-2"), (created.GetProperty("id").GetString(), created.GetProperty("targetDraw").GetString(), created.GetProperty("inspectorDraw").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(2, revealed.GetProperty("assignment").GetArrayLength());
        Assert.Equal(2, published.GetProperty("targets").GetArrayLength());
        Assert.All(published.GetProperty("targets").EnumerateArray().SelectMany(t => t.GetProperty("inspectors").EnumerateArray()), i => Assert.NotNull(i.GetProperty("unit").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.True(shown.GetProperty("verified").GetBoolean());
        Assert.NotNull(shown.GetProperty("publishedAt").GetString());
        Assert.Equal(1, listed.GetProperty("tasks").GetArrayLength());
        Assert.Contains("市场监管一所", pool.GetProperty("csv").GetString(), StringComparison.Ordinal);
        Assert.Single(await _host.CustodyAsync("IT-1"), e => e.Action == CustodyActions.InspectionPublished);
    }

    [Fact]
    public async Task Publish_AssignmentPlantedInTheCatalog_409AndTheTaskShownUnverified()
    {
        await ImportAsync("targets", InspectionSamples.Targets);
        await ImportAsync("inspectors", InspectionSamples.Inspectors);
        await CreateAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        var revealed = await JsonAsync(await _reviewer.PostAsJsonAsync("/inspections/tasks/IT-1/reveal", new { seed = "583" }));
        var drawn = revealed.GetProperty("assignment").EnumerateArray().Select(a => a.GetProperty("target").GetString()!).ToList();
        foreach (var target in drawn)
        {
            using var outcome = await _reviewer.PostAsJsonAsync("/inspections/tasks/IT-1/outcomes", new { target, result = "未发现问题", handling = "无", date = _host.StationToday });
        }

        // Someone with database access puts two friends on every drawn target.
        var planted = JsonSerializer.Serialize(drawn.Select(t => new { target = t, inspectors = new[] { "33020012341", "33020012342" } }));
        await _host.EditCatalogAsync($"UPDATE inspection_tasks SET assignment = '{planted}' WHERE id = 1");

        using var publish = await _reviewer.PostAsync("/inspections/tasks/IT-1/publish", null);
        var shown = await JsonAsync(await _reviewer.GetAsync("/inspections/tasks/IT-1"));

        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Contains("stored assignment", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(shown.GetProperty("verified").GetBoolean());
        Assert.DoesNotContain(await _host.CustodyAsync("IT-1"), e => e.Action == CustodyActions.InspectionPublished);
    }

    [Fact]
    public async Task Outcome_ResultGivenAsAList_400NamingTheAllowedResults()
    {
        await ImportAsync("targets", InspectionSamples.Targets);
        await ImportAsync("inspectors", InspectionSamples.Inspectors);
        await CreateAsync();
        _host.Time.Advance(TimeSpan.FromMinutes(2));
        var revealed = await JsonAsync(await _reviewer.PostAsJsonAsync("/inspections/tasks/IT-1/reveal", new { seed = "583" }));
        var target = revealed.GetProperty("assignment")[0].GetProperty("target").GetString();

        using var listed = await _reviewer.PostAsJsonAsync("/inspections/tasks/IT-1/outcomes", new { target, result = "NoProblem,CaseOpened", handling = "无", date = _host.StationToday });

        Assert.Equal(HttpStatusCode.BadRequest, listed.StatusCode);
        Assert.Contains("allowed: NoProblem", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await _host.CustodyAsync("IT-1"), e => e.Action == CustodyActions.InspectionOutcomeRecorded);
    }

    private async Task<HttpResponseMessage> ImportAsync(string kind, string csv)
    {
        var response = await _reviewer.PostAsync($"/inspections/pools/{kind}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response;
    }

    private async Task<JsonElement> CreateAsync() => await JsonAsync(await _reviewer.PostAsJsonAsync(
        "/inspections/tasks",
        new { matter = InspectionSamples.Matter, area = "鼓楼区", targets = 2, seedSource = "福彩3D 2026-12-10", seedDue = _host.Time.GetUtcNow().AddMinutes(1) }));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
