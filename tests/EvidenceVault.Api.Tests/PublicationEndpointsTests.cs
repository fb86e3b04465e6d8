using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Api.Tests;

/// <summary>A decided penalty case's publication (公示) over HTTP: drafted, redacted, approved by a second person, withdrawn.</summary>
public sealed class PublicationEndpointsTests : IAsyncLifetime
{
    private const string Case = "京执罚〔2026〕21号";
    private readonly ApiHost _host = new();

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        await _host.SendAsync(new CreateCaseCommand(CaseNumber.Parse(Case), EnforcementType.Penalty, "某某商贸有限公司", null, [ApiHost.OfficerNumber]));
        await _host.SendAsync(new DecideCaseCommand(CaseNumber.Parse(Case), _host.StationToday, "罚款五千元", false));
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Publication_DraftRedactApproveWithdraw_OnTheListAsWithdrawn()
    {
        var archivist = await _host.ClientForAsync(Role.Archivist);
        var reviewer = await _host.ClientForAsync(Role.Reviewer);

        using var drafted = await archivist.PostAsJsonAsync("/disclosure/publications", new { @case = Case, documentNumber = Case, agency = "某某市市场监督管理局", facts = "销售过期食品，仓库在幸福路8号", basis = "《食品安全法》第一百二十四条" });
        Assert.True(drafted.StatusCode == HttpStatusCode.Created, await drafted.Content.ReadAsStringAsync());
        var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var redacted = await reviewer.PostAsJsonAsync($"/disclosure/publications/{id}/redact", new { texts = new[] { "幸福路8号" } });
        using var approved = await reviewer.PostAsync($"/disclosure/publications/{id}/approve", null);
        using var withdrawn = await reviewer.PostAsJsonAsync($"/disclosure/publications/{id}/withdraw", new { kind = "revoked", reason = "复议撤销" });
        var listed = await reviewer.GetFromJsonAsync<JsonElement>("/disclosure/publications?status=withdrawn");

        Assert.DoesNotContain("幸福路8号", (await redacted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("facts").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.NotNull((await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publishedAt").GetString());
        var withdrawal = await withdrawn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("revoked", "复议撤销"), (withdrawal.GetProperty("kind").GetString(), withdrawal.GetProperty("reason").GetString()));
        Assert.Equal(id, Assert.Single(listed.GetProperty("publications").EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Attack_ApprovalByTheDrafter_409PublicationRuleAndStillADraft()
    {
        var archivist = await _host.ClientForAsync(Role.Archivist);
        using var drafted = await archivist.PostAsJsonAsync("/disclosure/publications", new { @case = Case, documentNumber = Case, agency = "某某市市场监督管理局", facts = "销售过期食品", basis = "《食品安全法》第一百二十四条" });
        var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var refused = await archivist.PostAsync($"/disclosure/publications/{id}/approve", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("publication-rule", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Single((await archivist.GetFromJsonAsync<JsonElement>("/disclosure/publications?status=draft")).GetProperty("publications").EnumerateArray());
    }
}
