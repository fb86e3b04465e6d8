using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace EvidenceVault.Bench;

/// <summary>
/// Sends one <c>GET /recordings</c> after the other (limit 50) and times each, after a warm-up. Each request picks
/// another officer and/or time window among the seeded rows, so no answer is served from a warm page the last one left.
/// </summary>
internal static class QueryLoad
{
    private const int Warmup = 50;
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public static async Task<int> RunAsync(Options options)
    {
        var (kind, rows, requests) = (options.Text("query"), options.Long("rows"), options.Int("requests"));
        using var http = new HttpClient { BaseAddress = new Uri(options.Text("url")) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", options.Text("key"));

        // A fixed seed: every run asks the same sequence of questions.
        var random = new Random(5);
        var windowRows = (long)(Window / SeedPlan.Step);
        var latencies = new List<double>(requests);
        long returned = 0;
        for (var i = 0; i < Warmup + requests; i++)
        {
            var query = Query(kind, random.NextInt64(Math.Max(1, rows - windowRows)), random.Next(SeedPlan.Officers));
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri("recordings?" + query, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET /recordings?{query} answered {(int)response.StatusCode}: {body}");
            }

            if (i >= Warmup)
            {
                latencies.Add(elapsed);
                using var document = JsonDocument.Parse(body);
                returned += document.RootElement.GetProperty("recordings").GetArrayLength();
            }
        }

        // One line for tools/bench.sh: p50, p99, max (ms), mean rows per answer.
        Console.WriteLine(string.Join(
            ' ',
            new[] { Latency.Percentile(latencies, 50), Latency.Percentile(latencies, 99), latencies.Max(), (double)returned / requests }
                .Select(v => v.ToString("F2", CultureInfo.InvariantCulture))));
        return 0;
    }

    /// <summary>The filter for one request; a window starts at a seeded row's time and spans 30 days.</summary>
    private static string Query(string kind, long row, int officer)
    {
        var from = SeedPlan.RecordedAt(row);
        var window = $"from={Uri.EscapeDataString(SeedPlan.UtcKey(from))}&to={Uri.EscapeDataString(SeedPlan.UtcKey(from + Window))}";
        var who = "officer=" + SeedPlan.Officer(officer);
        return kind switch
        {
            "recent" => "limit=50",
            "officer" => $"{who}&limit=50",
            "window" => $"{window}&limit=50",
            "officer-window" => $"{who}&{window}&limit=50",
            _ => throw new ArgumentException($"Unknown query '{kind}': recent, officer, window or officer-window."),
        };
    }
}
