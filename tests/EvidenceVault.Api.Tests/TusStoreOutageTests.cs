using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EvidenceVault.Storage.Azure.Uploads;
using EvidenceVault.Testing.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvidenceVault.Api.Tests;

/// <summary>The Azure upload store cannot be reached (nothing listens on 127.0.0.1:1) while the vault is local: a tus
/// client must be told to come back (503 with Retry-After and its own reason), never given a 500.</summary>
public sealed class TusStoreOutageTests(UploadMedia media) : IClassFixture<UploadMedia>, IAsyncLifetime
{
    private static readonly TimeSpan Break = TimeSpan.FromSeconds(20);

    private readonly ApiHost _host = new()
    {
        UploadStoreUri = "azure://uploads",
        AzureConnectionString = AzuriteAccount.Unreachable,
        Configure = services => services.Replace(ServiceDescriptor.Singleton(new AzureUploadStoreOptions
        {
            ConnectionString = AzuriteAccount.Unreachable,
            Container = "uploads",
            MaxRetries = 0,
            NetworkTimeout = TimeSpan.FromSeconds(2),
            BreakDuration = Break,
        })),
    };

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Create_UploadStoreUnreachable_ServiceUnavailableWithRetryAfterAndItsOwnReason()
    {
        using var response = await new TusClient(_host.Client).CreateAsync(media.Bytes.Length, TusClient.Metadata(("filename", "clip.mp4"), ("sha256", TusClient.Sha256Hex(media.Bytes))));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("upload-store-unavailable", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("AccountKey", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_RepeatedWhileBreakerOpen_RetryAfterIsTheRestOfTheBreak()
    {
        var tus = new TusClient(_host.Client);
        HttpResponseMessage? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last?.Dispose();
            last = await tus.CreateAsync(media.Bytes.Length, TusClient.Metadata(("filename", "clip.mp4"), ("sha256", TusClient.Sha256Hex(media.Bytes))));
        }

        using (last)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, last!.StatusCode);
            Assert.InRange(last.Headers.RetryAfter!.Delta!.Value, Break - TimeSpan.FromSeconds(10), Break);
        }
    }
}
