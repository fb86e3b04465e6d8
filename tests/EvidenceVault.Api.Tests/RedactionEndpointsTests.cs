using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// Redacted copies over the real API host: made from a spec, listed, downloaded verified; and a grant for redacted
/// copies only gives the redacted copy and nothing of the original (its bytes or its proxy), each refusal a 403 naming why.
/// </summary>
public sealed class RedactionEndpointsTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Redactions_CreateListDownload_TheCopyIsTheOneRecordedAndEachStepInTheLedger()
    {
        var (recording, sha256) = await _host.IngestNoiseAsync(2);

        using var made = await _host.Client.PostAsync($"/recordings/{recording}/redactions", JsonContent.Create(JsonDocument.Parse("""{ "version": 1, "mutes": [ { "from": 0.2, "to": 1 } ] }""").RootElement));
        var copy = await made.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await _host.Client.GetFromJsonAsync<JsonElement>($"/recordings/{recording}/redactions");
        using var downloaded = await _host.Client.GetAsync(made.Headers.Location);
        using var badSpec = await _host.Client.PostAsync($"/recordings/{recording}/redactions", JsonContent.Create(new { version = 1 }));

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal(sha256, copy.GetProperty("sourceSha256").GetString());
        Assert.Equal(copy.GetProperty("redaction").GetString(), Assert.Single(listed.GetProperty("redactions").EnumerateArray()).GetProperty("redaction").GetString());
        Assert.Equal(copy.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await downloaded.Content.ReadAsByteArrayAsync())));
        Assert.Equal("redaction-spec", (await badSpec.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(["recording.redacted", "recording.retrieved"], (await _host.CustodyAsync(recording)).Select(e => e.Action).Where(a => a is "recording.redacted" or "recording.retrieved"));
    }

    [Fact]
    public async Task Attack_RedactedOnlyGrantAsksForOriginalOrProxy_403GrantRedactedOnly_RedactedCopyServed()
    {
        var (recording, _) = await _host.IngestNoiseAsync(3);
        using var made = await _host.Client.PostAsync($"/recordings/{recording}/redactions", JsonContent.Create(JsonDocument.Parse("""{ "version": 1, "mutes": [ { "from": 0.5, "to": 1.5 } ] }""").RootElement));
        Assert.True(made.StatusCode == HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        var redaction = await made.Content.ReadFromJsonAsync<JsonElement>();
        var grant = await RedactedOnlyGrantAsync(recording);
        var reviewer = await _host.ClientForAsync(Role.Reviewer);

        foreach (var door in new[] { "original", "proxy" })
        {
            using var refused = await reviewer.GetAsync($"/recordings/{recording}/{door}?grant={grant}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("grant-redacted-only", "denied"), (problem.GetProperty("title").GetString(), problem.GetProperty("kind").GetString()));
        }

        using var served = await reviewer.GetAsync($"/recordings/{recording}/redactions/{redaction.GetProperty("redaction").GetString()}?grant={grant}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(redaction.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(await served.Content.ReadAsByteArrayAsync())));
        Assert.Equal(2, (await _host.CustodyAsync(recording)).Count(e => e.Action == "access.denied"));
    }

    private async Task<string> RedactedOnlyGrantAsync(string recording)
    {
        var from = _host.StationToday;
        using var requested = await (await _host.ClientForAsync(Role.Reviewer)).PostAsJsonAsync("/retrievals", new { recordings = new[] { recording }, purpose = "信息公开", from, until = from.AddDays(7), redactedOnly = true });
        Assert.True(requested.IsSuccessStatusCode, await requested.Content.ReadAsStringAsync());
        var id = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var leader = _host.ClientWith(new AuthenticationHeaderValue("Bearer", await _host.SignInAsync(ApiHost.Leader)));
        using var approved = await leader.PostAsJsonAsync($"/retrievals/{id}/approve", new { reason = "依法调阅" });
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        return id;
    }
}
