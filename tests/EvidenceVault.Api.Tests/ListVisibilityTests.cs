using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// Lists show what the single-item views would: an officer their own recordings, a department head their
/// department's, a reviewer what their grants cover, archivists and administrators the catalog; retrieval
/// requests to their holder, their approvers and administrators. Every list of evidence is a custody entry.
/// </summary>
public sealed class ListVisibilityTests : IAsyncLifetime
{
    private const string Stranger = "stranger", OtherHead = "head2";
    private static readonly OfficerId StrangerNumber = OfficerId.Parse("990001");
    private readonly ApiHost _host = new();
    private string _strangers = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        await _host.SendAsync(new AddUserCommand(new User(UserName.Parse(Stranger), "外队", "二中队", new HashSet<Role> { Role.Officer }, false, false, StrangerNumber, true)));
        await _host.SendAsync(new AddUserCommand(new User(UserName.Parse(OtherHead), "二中队长", "二中队", new HashSet<Role> { Role.Officer }, true, false, null, true)));
        _strangers = await _host.IngestPhotoAsync(StrangerNumber, 1);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("/recordings")]
    [InlineData("/recordings/unfiled")]
    public async Task List_EachActor_SeesOnlyWhatTheSingleViewWouldShow(string path)
    {
        var own = _host.RecordingId;
        var seen = new Dictionary<string, string[]>();
        foreach (var actor in new[] { ApiHost.Actor, Stranger, ApiHost.Leader, OtherHead, "archivist", ApiHost.Administrator })
        {
            seen[actor] = await IdsAsync(await As(actor), path);
        }

        Assert.Equal([own], seen[ApiHost.Actor]);
        Assert.Equal([_strangers], seen[Stranger]);
        Assert.Equal([own], seen[ApiHost.Leader]);
        Assert.Equal([_strangers], seen[OtherHead]);
        Assert.Equal(new[] { own, _strangers }.Order(), seen["archivist"].Order());
        Assert.Equal(new[] { own, _strangers }.Order(), seen[ApiHost.Administrator].Order());
    }

    [Fact]
    public async Task ListRecordings_ReviewerWithAndWithoutGrant_SeesOnlyGrantedRecordings()
    {
        var reviewer = await As("reviewer");
        var before = await IdsAsync(reviewer, "/recordings");
        await _host.GrantAsync(Role.Reviewer, null, _host.RecordingId);
        var after = await IdsAsync(reviewer, "/recordings");

        Assert.Empty(before);
        Assert.Equal([_host.RecordingId], after);
    }

    [Fact]
    public async Task ListRecordings_AnyList_WritesWhoWhichFilterAndHowManyRows()
    {
        await IdsAsync(await As(Stranger), "/recordings?limit=50");

        var entry = Assert.Single(await _host.CustodyAsync("recordings"), e => e.Actor.StartsWith(Stranger, StringComparison.Ordinal));
        Assert.Equal("evidence.listed", entry.Action);
        var details = JsonDocument.Parse(entry.Details).RootElement;
        Assert.Equal("limit=50", details.GetProperty("filter").GetString());
        Assert.Contains("990001", details.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, details.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task Retrievals_OfficerOfAnotherSquad_NeitherListsNorOpensOthersRequests()
    {
        var grant = await _host.GrantAsync(Role.Reviewer, null, _host.RecordingId);
        var stranger = await As(Stranger);

        var listed = (await GetAsync(stranger, "/retrievals")).GetProperty("retrievals").EnumerateArray().ToList();
        using var opened = await stranger.GetAsync($"/retrievals/{grant}");
        var holder = (await GetAsync(await As("reviewer"), "/retrievals")).GetProperty("retrievals").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var approver = (await GetAsync(await As(ApiHost.Leader), "/retrievals")).GetProperty("retrievals").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();

        Assert.Empty(listed);
        Assert.Equal(HttpStatusCode.Forbidden, opened.StatusCode);
        Assert.Equal([grant], holder);
        Assert.Equal([grant], approver);
        Assert.Contains(await _host.CustodyAsync(grant), e => e.Action == "access.denied" && e.Actor.StartsWith(Stranger, StringComparison.Ordinal));
    }

    private async Task<HttpClient> As(string user) => _host.ClientWith(new AuthenticationHeaderValue("Bearer", await _host.SignInAsync(user)));

    private static async Task<string[]> IdsAsync(HttpClient client, string path) =>
        [.. (await GetAsync(client, path)).GetProperty("recordings").EnumerateArray().Select(r => r.GetProperty("recordingId").GetString()!)];

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
