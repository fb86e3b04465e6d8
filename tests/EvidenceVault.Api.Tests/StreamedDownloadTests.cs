using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// Downloads stream the verified write-once file itself: slow clients hold no copies, seeks within the verification window
/// are not re-hashed (but each is a custody entry), damage after the window or of the length is refused, and one user
/// may stream only so many at once.
/// </summary>
public sealed class StreamedDownloadTests : IAsyncLifetime
{
    private const int DownloadsPerUser = 2;
    private readonly ApiHost _host = new() { Limits = new() { SignInsPerMinute = 100_000, AnonymousPerSecond = 100_000, DownloadsPerUser = DownloadsPerUser } };
    private string _noise = "";
    private string _noiseSha = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();

        // ~46 MB: more than loopback socket buffers hold, so a client that stops reading keeps its download open.
        (_noise, _noiseSha) = await _host.IngestNoiseAsync(240);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    private string Downloads => Path.Combine(_host.Data, "downloads");

    [Fact]
    public async Task Original_SlowClientsMidStream_NoCopyOnDiskAndBytesVerify()
    {
        var slow = new List<HttpResponseMessage>();
        for (var i = 0; i < DownloadsPerUser; i++)
        {
            var response = await _host.Client.GetAsync($"/recordings/{_noise}/original", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var first = new byte[65536];
            await (await response.Content.ReadAsStreamAsync()).ReadExactlyAsync(first);
            slow.Add(response);
        }

        Assert.Equal(0L, Directory.Exists(Downloads) ? Directory.GetFiles(Downloads).Sum(f => new FileInfo(f).Length) : 0L);
        var rest = await slow[0].Content.ReadAsStreamAsync();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var whole = await File.ReadAllBytesAsync(_host.VaultObjectOf(_noiseSha));
        sha.AppendData(whole.AsSpan(0, 65536));
        using var tail = new MemoryStream();
        await rest.CopyToAsync(tail);
        sha.AppendData(tail.ToArray());
        Assert.Equal(_noiseSha, Convert.ToHexStringLower(sha.GetHashAndReset()));
        Assert.Equal($"\"{_noiseSha}\"", slow[0].Headers.ETag?.Tag);
        slow.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Original_MoreConcurrentDownloadsThanOneUserMay_429WithRetryAfterOthersUnaffected()
    {
        var open = new List<HttpResponseMessage>();
        for (var i = 0; i < DownloadsPerUser; i++)
        {
            open.Add(await _host.Client.GetAsync($"/recordings/{_noise}/original", HttpCompletionOption.ResponseHeadersRead));
        }

        using var refused = await _host.Client.GetAsync($"/recordings/{_noise}/original", HttpCompletionOption.ResponseHeadersRead);
        var colleague = OfficerId.Parse("010204");
        await _host.AddUserAsync("colleague", colleague, Role.Officer);
        var theirs = await _host.IngestPhotoAsync(colleague, 1);
        using var other = await _host.ClientWith(new AuthenticationHeaderValue("Bearer", await _host.SignInAsync("colleague"))).GetAsync($"/recordings/{theirs}/original");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        open.ForEach(r => r.Dispose());
        await WaitUntilAsync(async () =>
        {
            using var again = await _host.Client.GetAsync($"/recordings/{_host.RecordingId}/original");
            return again.StatusCode == HttpStatusCode.OK;
        });
    }

    [Fact]
    public async Task Original_SeeksWithinVerificationWindow_ReuseOneVerificationAndEachIsLogged()
    {
        for (var start = 0; start < 3; start++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/recordings/{_noise}/original");
            request.Headers.Range = new RangeHeaderValue(start * 1_000_000, (start * 1_000_000) + 99);
            using var response = await _host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
            _host.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var retrievals = (await _host.CustodyAsync(_noise)).Where(e => e.Action == CustodyActions.Retrieved).ToList();
        Assert.Equal(3, retrievals.Count);
        Assert.Single(retrievals.Select(e => JsonDocument.Parse(e.Details).RootElement.GetProperty("verifiedAt").GetString()).Distinct());
    }

    [Fact]
    public async Task Original_SwappedAfterVerificationWindow_RefusedWithIncident()
    {
        using (var first = await _host.Client.GetAsync($"/recordings/{_noise}/original"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await FlipLastByteAsync(_host.VaultObjectOf(_noiseSha));
        _host.Time.Advance(TimeSpan.FromSeconds(61));

        using var second = await _host.Client.GetAsync($"/recordings/{_noise}/original");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(await _host.CustodyAsync(_noise), e => e.Action == CustodyActions.IntegrityFailure);
    }

    [Fact]
    public async Task Original_TruncatedWithinVerificationWindow_RehashedAndRefused()
    {
        using (var first = await _host.Client.GetAsync($"/recordings/{_noise}/original"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var path = _host.VaultObjectOf(_noiseSha);
        File.SetAttributes(path, FileAttributes.Normal);
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.SetLength(file.Length - 1);
        }

        using var second = await _host.Client.GetAsync($"/recordings/{_noise}/original");

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    private static async Task FlipLastByteAsync(string path)
    {
        File.SetAttributes(path, FileAttributes.Normal);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Seek(-1, SeekOrigin.End);
        var last = (byte)file.ReadByte();
        file.Seek(-1, SeekOrigin.End);
        file.WriteByte((byte)(last ^ 0xFF));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The condition did not hold within 5 s.");
    }
}
