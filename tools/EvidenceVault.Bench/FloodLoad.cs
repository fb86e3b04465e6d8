using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace EvidenceVault.Bench;

/// <summary>
/// Many anonymous clients at once: <c>--parallel</c> workers share <c>--requests</c> requests to <c>--path</c> (a GET,
/// or a POST of <c>--json</c>), each timed. Prints p50, p99, max (ms) and how many answers were 200, 429 and other.
/// </summary>
internal static class FloodLoad
{
    public static async Task<int> RunAsync(Options options)
    {
        var (path, parallel, requests) = (options.Text("path"), options.Int("parallel"), options.Int("requests"));
        var json = options.Has("json") ? options.Text("json") : null;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = parallel }) { BaseAddress = new Uri(options.Text("url")) };
        var latencies = new double[requests];
        var statuses = new HttpStatusCode[requests];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                var clock = Stopwatch.StartNew();
                using var response = json is null
                    ? await http.GetAsync(new Uri(path, UriKind.Relative))
                    : await http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
                await response.Content.ReadAsByteArrayAsync();
                (latencies[i], statuses[i]) = (clock.Elapsed.TotalMilliseconds, response.StatusCode);
            }
        }));

        var ok = statuses.Count(s => s == HttpStatusCode.OK);
        var limited = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
        Console.WriteLine(string.Join(
            ' ',
            new[] { Latency.Percentile(latencies, 50), Latency.Percentile(latencies, 99), latencies.Max() }.Select(v => v.ToString("F2", CultureInfo.InvariantCulture))
                .Concat(new[] { ok, limited, requests - ok - limited }.Select(n => n.ToString(CultureInfo.InvariantCulture)))));
        return 0;
    }
}
