using System.Net;
using System.Net.Http.Headers;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Api.Tests;

/// <summary>A station key works on every <c>serve</c> role that answers HTTP: <c>api</c> alone and <c>all</c> (API plus workers).</summary>
public sealed class StationRoleTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task StationKey_UploadsAndListsOnEveryServeRole(int workers)
    {
        var host = new ApiHost { Workers = workers };
        await host.InitializeAsync();
        try
        {
            await UploadAndListAsync(host);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task UploadAndListAsync(ApiHost host)
    {
        var issued = await host.SendAsync(new IssueStationKeyCommand(StationName.Parse("DS-07"), UserName.Parse(ApiHost.Actor)));
        using var station = host.ClientWith(new AuthenticationHeaderValue("ApiKey", issued.Secret));
        var bytes = new byte[] { 1, 2, 3, 4 };

        using var created = await new TusClient(station).CreateAsync(bytes.Length, TusClient.Metadata(("filename", "clip.mp4"), ("sha256", TusClient.Sha256Hex(bytes))));
        using var listed = await station.GetAsync("/recordings");
        using var shown = await station.GetAsync($"/recordings/{host.RecordingId}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }
}
