using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EvidenceVault.Api.Tests;

public sealed class RetentionEndpointsTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task PlaceHold_OnRecording_PlanShowsLegalHoldAndProposalSkipsIt()
    {
        using var placed = await _host.Client.PostAsJsonAsync("/holds", new { recording = _host.RecordingId, reason = "pending lawsuit", authority = "区人民法院" });
        var plan = await _host.Client.GetFromJsonAsync<JsonElement>("/retention/plan");
        using var proposed = await _host.Client.PostAsync("/retention/proposals", null);

        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var item = Assert.Single(plan.GetProperty("plan").EnumerateArray());
        Assert.Equal("held", item.GetProperty("retention").GetProperty("state").GetString());
        Assert.Empty((await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proposed").EnumerateArray());
        var holds = await _host.Client.GetFromJsonAsync<JsonElement>("/holds");
        Assert.Equal(_host.RecordingId, Assert.Single(holds.GetProperty("holds").EnumerateArray()).GetProperty("target").GetString());
    }

    [Fact]
    public async Task PlaceHold_BothRecordingAndCase_Returns400()
    {
        using var response = await _host.Client.PostAsJsonAsync("/holds", new { recording = _host.RecordingId, @case = "京执罚〔2026〕7号", reason = "x", authority = "y" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ReleaseHold_WithoutReason_Returns400AndHoldStays()
    {
        using var placed = await _host.Client.PostAsJsonAsync("/holds", new { recording = _host.RecordingId, reason = "pending lawsuit", authority = "区人民法院" });
        var id = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var released = await _host.Client.PostAsJsonAsync($"/holds/{id}/release", new { });

        Assert.Equal(HttpStatusCode.BadRequest, released.StatusCode);
        Assert.True(Assert.Single((await _host.Client.GetFromJsonAsync<JsonElement>("/holds")).GetProperty("holds").EnumerateArray()).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task MarkThenUnmark_Complaint_ShowsInRetentionAndLedger()
    {
        using var marked = await _host.Client.PostAsJsonAsync($"/recordings/{_host.RecordingId}/marks", new { mark = "complaint", reason = "citizen complaint 2026-113" });
        using var unmarked = await _host.Client.PostAsJsonAsync($"/recordings/{_host.RecordingId}/marks/complaint/remove", new { reason = "withdrawn" });

        Assert.Contains("complaint", (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marks").EnumerateArray().Select(m => m.GetString()));
        Assert.Empty((await unmarked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marks").EnumerateArray());
        var actions = (await _host.CustodyAsync()).Select(e => e.Action).ToList();
        Assert.Contains("retention.mark-set", actions);
        Assert.Contains("retention.mark-cleared", actions);
    }

    [Fact]
    public async Task Mark_Unknown_Returns400NamingTheMarks()
    {
        using var response = await _host.Client.PostAsJsonAsync($"/recordings/{_host.RecordingId}/marks", new { mark = "boring", reason = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("complaint", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApproveDeletion_UnknownProposal_Returns404()
    {
        using var response = await _host.Client.PostAsJsonAsync("/retention/proposals/999/approve", new { reason = "expired" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AuditVerify_AfterApiWork_ChainIntact()
    {
        await _host.Client.PostAsJsonAsync("/holds", new { recording = _host.RecordingId, reason = "pending lawsuit", authority = "区人民法院" });

        var report = await _host.Client.GetFromJsonAsync<JsonElement>("/audit/verify");

        Assert.True(report.GetProperty("intact").GetBoolean());
        Assert.True(report.GetProperty("entries").GetInt64() >= 2);
        Assert.Empty(report.GetProperty("editedRows").EnumerateArray());
    }
}
