using System.Globalization;
using System.Net;

namespace EvidenceVault.Api.Tests;

public sealed class TusLocationTests(UploadMedia media) : IClassFixture<UploadMedia>
{
    [Fact]
    public async Task Create_ForgedHostHeader_LocationDoesNotNameThatHost()
    {
        // The attack: a Location built from Host sends the client's next PATCH (the evidence) to the attacker.
        using var response = await CreateAsync(new ApiHost());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.DoesNotContain("evil.example", location.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.False(location.IsAbsoluteUri);
        Assert.StartsWith("/uploads/", location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PublicBaseUrlConfigured_LocationIsUnderIt()
    {
        using var response = await CreateAsync(new ApiHost { PublicBaseUrl = new Uri("https://vault.example/evidence") });

        var location = response.Headers.Location!;
        Assert.True(location.IsAbsoluteUri);
        Assert.Equal("vault.example", location.Host);
        Assert.StartsWith("https://vault.example/evidence/uploads/", location.AbsoluteUri, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> CreateAsync(ApiHost host)
    {
        await host.InitializeAsync();
        try
        {
            using var request = Creation();
            return await host.Client.SendAsync(request);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private HttpRequestMessage Creation()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/uploads");
        request.Headers.Host = "evil.example";
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", media.Bytes.Length.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", TusClient.Metadata(("filename", "clip.mp4"), ("sha256", TusClient.Sha256Hex(media.Bytes))));
        return request;
    }
}
