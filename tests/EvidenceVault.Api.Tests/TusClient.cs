using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace EvidenceVault.Api.Tests;

/// <summary>A bare tus 1.0.0 client over the host's HttpClient, so each test can send exactly the headers it means.</summary>
public sealed class TusClient(HttpClient http)
{
    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Metadata(params (string Key, string Value)[] pairs) =>
        string.Join(",", pairs.Select(p => $"{p.Key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(p.Value))}"));

    public async Task<HttpResponseMessage> CreateAsync(long length, string metadata)
    {
        using var request = Tus(HttpMethod.Post, "/uploads");
        request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", metadata);
        return await http.SendAsync(request);
    }

    /// <summary>Creates an upload for <paramref name="bytes"/> declaring their true SHA-256; returns its absolute URL.</summary>
    public async Task<Uri> CreateForAsync(byte[] bytes, string fileName, string? sha256 = null)
    {
        using var response = await CreateAsync(bytes.Length, Metadata(("filename", fileName), ("sha256", sha256 ?? Sha256Hex(bytes))));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        // Location is relative unless a public base URL is configured.
        return new Uri(http.BaseAddress!, response.Headers.Location!);
    }

    public async Task<HttpResponseMessage> PatchAsync(Uri upload, long offset, HttpContent body, string? checksum = null)
    {
        using var request = Tus(HttpMethod.Patch, upload.ToString());
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        if (checksum is not null)
        {
            request.Headers.Add("Upload-Checksum", checksum);
        }

        body.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        request.Content = body;
        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PatchAsync(Uri upload, long offset, ReadOnlyMemory<byte> chunk, bool withChecksum = true) =>
        PatchAsync(upload, offset, new ByteArrayContent(chunk.ToArray()), withChecksum ? "sha256 " + Convert.ToBase64String(SHA256.HashData(chunk.Span)) : null);

    /// <summary>Sends the file from <paramref name="offset"/> on in chunks; returns the last response.</summary>
    public async Task<HttpResponseMessage> SendAllAsync(Uri upload, byte[] bytes, long offset = 0, int chunkSize = 256 * 1024)
    {
        while (true)
        {
            var length = (int)Math.Min(chunkSize, bytes.Length - offset);
            var response = await PatchAsync(upload, offset, bytes.AsMemory((int)offset, length));
            offset += length;
            if (offset == bytes.Length || !response.IsSuccessStatusCode)
            {
                return response;
            }

            response.Dispose();
        }
    }

    public async Task<HttpResponseMessage> HeadAsync(Uri upload)
    {
        using var request = Tus(HttpMethod.Head, upload.ToString());
        return await http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> DeleteAsync(Uri upload)
    {
        using var request = Tus(HttpMethod.Delete, upload.ToString());
        return await http.SendAsync(request);
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    /// <summary>The upload folders under a data folder (none when no upload was ever accepted).</summary>
    public static string[] UploadFolders(string data)
    {
        var root = Path.Combine(data, "uploads");
        return Directory.Exists(root) ? Directory.GetDirectories(root) : [];
    }

    public static long Offset(HttpResponseMessage response) => long.Parse(Header(response, "Upload-Offset")!, CultureInfo.InvariantCulture);

    private static HttpRequestMessage Tus(HttpMethod method, string uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }
}
