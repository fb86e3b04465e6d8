using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

public sealed class StationKeyTests : IAsyncLifetime
{
    private readonly ApiHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task StationKey_ActsAsTheBoundUserThroughTheStation_UntilRevoked()
    {
        var issued = await _host.SendAsync(new IssueStationKeyCommand(StationName.Parse("DS-07"), UserName.Parse(ApiHost.Actor)));
        var station = _host.ClientWith(new AuthenticationHeaderValue("ApiKey", issued.Secret));
        using var header = new HttpClient { BaseAddress = _host.Anonymous.BaseAddress };
        header.DefaultRequestHeaders.Add("X-Api-Key", issued.Secret);

        using var shown = await station.GetAsync($"/recordings/{_host.RecordingId}");
        using var viaHeader = await header.GetAsync("/recordings");
        using var signOut = await station.PostAsync("/auth/sign-out", null);
        await _host.SendAsync(new RevokeStationKeyCommand(issued.Key.Prefix, "station retired"));
        using var revoked = await station.GetAsync("/recordings");
        var listed = Assert.Single(await _host.SendAsync(new ListStationKeysQuery()));

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaHeader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains(await _host.CustodyAsync(), e => e.Action == CustodyActions.Viewed && e.Actor == "officer (station DS-07)");
        Assert.Equal([CustodyActions.StationKeyIssued, CustodyActions.StationKeyRevoked], (await _host.CustodyAsync("DS-07")).Select(e => e.Action));
        Assert.StartsWith(listed.Prefix, issued.Secret, StringComparison.Ordinal);
        Assert.NotNull(listed.LastUsedAt);
        Assert.True(listed.IsRevoked);
    }

    [Fact]
    public async Task Credentials_AreNeverStoredInClear()
    {
        var issued = await _host.SendAsync(new IssueStationKeyCommand(StationName.Parse("DS-08"), UserName.Parse(ApiHost.Actor)));
        var token = await _host.SignInAsync(ApiHost.Administrator);
        using (var used = _host.ClientWith(new AuthenticationHeaderValue("ApiKey", issued.Secret)))
        {
            Assert.Equal(HttpStatusCode.OK, (await used.GetAsync("/recordings")).StatusCode);
        }

        var catalog = new StringBuilder();
        foreach (var file in Directory.GetFiles(_host.Data, "catalog.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            catalog.Append(await reader.ReadToEndAsync());
        }

        var text = catalog.ToString();
        Assert.Contains(issued.Key.Prefix, text, StringComparison.Ordinal);
        Assert.Contains(_host.Services.GetRequiredService<CredentialBinding>().Digest(token), text, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiHost.PasswordOf(ApiHost.Administrator), text, StringComparison.Ordinal);
        Assert.Contains("pbkdf2-sha256$v1$600000$", text, StringComparison.Ordinal);
    }
}
