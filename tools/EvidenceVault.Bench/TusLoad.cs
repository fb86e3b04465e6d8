using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace EvidenceVault.Bench;

/// <summary>
/// N clients each upload one file through tus at the same time (POST, then PATCH chunks in order) and time every PATCH,
/// after one untimed warm-up upload.
/// The last PATCH of a file also checks the whole file's SHA-256 and ingests it, so it is reported apart from the chunk PATCHes.
/// </summary>
internal static class TusLoad
{
    public static async Task<int> RunAsync(Options options)
    {
        var (url, key, clients) = (new Uri(options.Text("url")), options.Text("key"), options.Int("clients"));
        var files = Enumerable.Range(0, clients)
            .Select(i => new SyntheticFile(options.Long("run"), i, options.Long("bytes"), options.Int("chunk")))
            .ToArray();

        // The SHA-256 each upload declares is computed before the clock starts, as a station would have it already.
        var digests = new string[clients];
        Parallel.For(0, clients, i => digests[i] = files[i].Sha256Hex());

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients })
        {
            BaseAddress = url,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        http.DefaultRequestHeaders.Add("Tus-Resumable", "1.0.0");

        // One untimed upload in 40 small PATCHes first. A server just started still compiles its code (JIT, then again
        // optimized once a method has run 30 times), which took a third of its CPU during a timed 256 MiB upload: a cost
        // the C baseline (nginx) never pays and a running server paid long before. Throughput is measured warm.
        const int WarmUpChunk = 256 * 1024;
        var warmUp = new SyntheticFile(options.Long("run"), clients, Math.Min(40L * WarmUpChunk, options.Long("bytes")), WarmUpChunk);
        await UploadAsync(http, warmUp, warmUp.Sha256Hex());
        await Task.Delay(TimeSpan.FromSeconds(1)); // the optimizing recompiles run in the background once the calls stop

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(files.Select((file, i) => UploadAsync(http, file, digests[i])));
        var seconds = clock.Elapsed.TotalSeconds;

        var chunks = results.SelectMany(r => r.Chunks).ToList();
        var completions = results.Select(r => r.Completion).ToList();
        var megabytes = files.Sum(f => f.Length) / 1e6;

        // One line for tools/bench.sh: MB/s, chunk PATCH p50 and p99 (ms), completing PATCH p50 and max (ms), seconds.
        Console.WriteLine(string.Join(
            ' ',
            new[] { megabytes / seconds, Latency.Percentile(chunks, 50), Latency.Percentile(chunks, 99), Latency.Percentile(completions, 50), completions.Max(), seconds }
                .Select(v => v.ToString("F1", CultureInfo.InvariantCulture))));
        return 0;
    }

    private static async Task<(List<double> Chunks, double Completion)> UploadAsync(HttpClient http, SyntheticFile file, string sha256)
    {
        Uri location;
        using (var create = new HttpRequestMessage(HttpMethod.Post, "uploads"))
        {
            create.Headers.Add("Upload-Length", file.Length.ToString(CultureInfo.InvariantCulture));
            create.Headers.Add("Upload-Metadata", file.Metadata(sha256));
            using var created = await http.SendAsync(create);
            await ExpectAsync(created, HttpStatusCode.Created, "POST /uploads");
            location = created.Headers.Location ?? throw new InvalidOperationException("POST /uploads answered without a Location.");
        }

        var buffer = file.NewBuffer();
        var latencies = new List<double>(file.ChunkCount);
        long offset = 0;
        for (var i = 0; i < file.ChunkCount; i++)
        {
            var chunk = file.Chunk(i, buffer);
            using var patch = new HttpRequestMessage(HttpMethod.Patch, location) { Content = new ReadOnlyMemoryContent(chunk) };
            patch.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
            patch.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
            var clock = Stopwatch.StartNew();
            using var answer = await http.SendAsync(patch);
            await ExpectAsync(answer, HttpStatusCode.NoContent, $"PATCH {location} at {offset}");
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            offset += chunk.Length;
        }

        return (latencies[..^1], latencies[^1]);
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
