using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EvidenceVault.Bench;

/// <summary>
/// Times a web page and its JSON twin with the same question, one pair after the other (the order alternates, so
/// noise and warm caches favour neither), after a warm-up. The page takes the session token as the browser's cookie,
/// the API as a bearer token. Each pair picks another officer, window or case among the seeded rows.
/// </summary>
internal static partial class WebLoad
{
    private const int Warmup = 20;
    private const int WindowDays = 7;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static async Task<int> RunAsync(Options options)
    {
        var (kind, rows, cases, requests) = (options.Text("query"), options.Long("rows"), options.Long("cases"), options.Int("requests"));
        var token = options.Text("token");

        // No redirects: a page that sends us to the sign-in form has failed, not answered.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(options.Text("url")) };
        var random = new Random(7);
        var (page, json) = (new List<double>(requests), new List<double>(requests));
        var (pageRows, jsonRows) = (0L, 0L);
        for (var i = 0; i < Warmup + requests; i++)
        {
            var (pagePath, jsonPath) = Pair(kind, random, rows, cases);
            var pageFirst = i % 2 == 0;
            var first = await TimeAsync(http, pageFirst ? pagePath : jsonPath, token, cookie: pageFirst);
            var second = await TimeAsync(http, pageFirst ? jsonPath : pagePath, token, cookie: !pageFirst);
            var (p, j) = pageFirst ? (first, second) : (second, first);
            var (pr, jr) = (PageRows(kind, p.Body), JsonRows(kind, j.Body));
            if (pr != jr)
            {
                throw new InvalidOperationException($"{pagePath} shows {pr} rows but {jsonPath} answers {jr}: not the same question.");
            }

            if (i >= Warmup)
            {
                page.Add(p.Milliseconds);
                json.Add(j.Milliseconds);
                (pageRows, jsonRows) = (pageRows + pr, jsonRows + jr);
            }
        }

        // One line for tools/bench-web.sh: page p50 p95 p99, JSON p50 p95 p99 (ms), mean rows per answer.
        Console.WriteLine(string.Join(
            ' ',
            new[]
            {
                Latency.Percentile(page, 50), Latency.Percentile(page, 95), Latency.Percentile(page, 99),
                Latency.Percentile(json, 50), Latency.Percentile(json, 95), Latency.Percentile(json, 99), (double)jsonRows / requests,
            }.Select(v => v.ToString("F2", CultureInfo.InvariantCulture))));
        return 0;
    }

    /// <summary>The page's path and the JSON API's path that ask the same question.</summary>
    private static (string Page, string Json) Pair(string kind, Random random, long rows, long cases)
    {
        var windowRows = (long)(TimeSpan.FromDays(WindowDays) / SeedPlan.Step);
        var row = random.NextInt64(Math.Max(1, rows - windowRows));
        var officer = SeedPlan.Officer(random.Next(SeedPlan.Officers));
        var caseNumber = Uri.EscapeDataString(CasePlan.Number(random.NextInt64(Math.Max(1, cases))));

        // The page filters by days on the station's clock (Beijing); the API by instants: the same half-open span.
        var firstDay = DateOnly.FromDateTime(SeedPlan.RecordedAt(row).ToOffset(Beijing).DateTime);
        var lastDay = firstDay.AddDays(WindowDays - 1);
        var pageWindow = $"from={Day(firstDay)}&to={Day(lastDay)}";
        var jsonWindow = $"from={Uri.EscapeDataString(Midnight(firstDay))}&to={Uri.EscapeDataString(Midnight(lastDay.AddDays(1)))}";
        return kind switch
        {
            "list" => ("evidence", "recordings"),
            "officer-window" => ($"evidence?officer={officer}&{pageWindow}", $"recordings?officer={officer}&{jsonWindow}"),
            "window" => ($"evidence?{pageWindow}", $"recordings?{jsonWindow}"),
            "cases" => ("case-files", "cases?limit=1000"),
            "case" => ($"case-files/{caseNumber}", $"cases/{caseNumber}/timeline"),
            _ => throw new ArgumentException($"Unknown query '{kind}': list, officer-window, window, cases or case."),
        };
    }

    private static async Task<(double Milliseconds, string Body)> TimeAsync(HttpClient http, string path, string token, bool cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (cookie)
        {
            request.Headers.Add("Cookie", "evidencevault-session=" + token);
        }
        else
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode || (cookie && body.Contains("data-test=\"problem\"", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"GET /{path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        }

        return (elapsed, body);
    }

    /// <summary>Rows the page shows: links to a recording (lists and the case timeline) or to a case (the case list).</summary>
    private static long PageRows(string kind, string html) =>
        (kind == "cases" ? CaseLink() : RecordingLink()).Count(html);

    private static long JsonRows(string kind, string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        return kind switch
        {
            "cases" => root.GetProperty("cases").GetArrayLength(),
            "case" => root.GetProperty("stages").EnumerateArray().Sum(s => s.GetProperty("records").GetArrayLength()),
            _ => root.GetProperty("recordings").GetArrayLength(),
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Midnight(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Beijing).ToString("O", CultureInfo.InvariantCulture);

    [GeneratedRegex("href=\"/evidence/[^\"#?]+[\"?]")]
    private static partial Regex RecordingLink();

    [GeneratedRegex("href=\"/case-files/[^\"/]+\"")]
    private static partial Regex CaseLink();
}
