using System.Globalization;
using Microsoft.Playwright;

namespace EvidenceVault.Bench;

/// <summary>
/// Milliseconds from navigation start to the first <c>loadeddata</c> of the page's <c>&lt;video&gt;</c> (its first
/// frame can be shown), in Debian's chromium driven through <c>ExecutablePath</c> (no browser download). Each run is
/// a fresh browser context, so no cache or connection carries over; the page and the baseline alternate.
/// </summary>
internal static class FirstFrame
{
    // Installed before any page script: records the first loadeddata of any video, relative to navigation start.
    private const string Probe = """
        document.addEventListener('loadeddata', e => {
          if (e.target instanceof HTMLVideoElement && window.__firstFrame === undefined) window.__firstFrame = performance.now();
        }, true);
        """;

    public static async Task<int> RunAsync(Options options)
    {
        var (page, baseline, runs) = (options.Text("page"), options.Text("baseline"), options.Int("runs"));
        var token = options.Text("token");
        var executable = Environment.GetEnvironmentVariable("EVIDENCEVAULT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required"],
        });

        var (pageTimes, baselineTimes) = (new List<double>(), new List<double>());
        var cold = 0.0;
        for (var run = 0; run < runs + 1; run++)
        {
            // Run 0 is the server's first open of the proxy (hashed in full before a byte goes out) and the browser
            // binary's first start: reported on its own, not counted in the medians. Later opens within the
            // server's verification window reuse that hash, as a player's Range requests do.
            var (first, second) = run % 2 == 0 ? (page, baseline) : (baseline, page);
            var a = await MeasureAsync(browser, first, token);
            var b = await MeasureAsync(browser, second, token);
            if (run == 0)
            {
                cold = a;
            }
            else
            {
                pageTimes.Add(run % 2 == 0 ? a : b);
                baselineTimes.Add(run % 2 == 0 ? b : a);
            }
        }

        // One line for tools/bench-web.sh: page median, baseline median, page max, baseline max, page's first open (ms).
        Console.WriteLine(string.Join(
            ' ',
            new[] { Latency.Percentile(pageTimes, 50), Latency.Percentile(baselineTimes, 50), pageTimes.Max(), baselineTimes.Max(), cold }
                .Select(v => v.ToString("F1", CultureInfo.InvariantCulture))));
        return 0;
    }

    private static async Task<double> MeasureAsync(IBrowser browser, string url, string token)
    {
        await using var context = await browser.NewContextAsync();
        await context.AddCookiesAsync([new Cookie { Name = "evidencevault-session", Value = token, Url = url }]);
        await context.AddInitScriptAsync(Probe);
        var tab = await context.NewPageAsync();
        var response = await tab.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        if (response is not { Ok: true })
        {
            throw new InvalidOperationException($"{url} answered {response?.Status}.");
        }

        await tab.WaitForFunctionAsync(
            "() => window.__firstFrame !== undefined && document.querySelector('video').readyState >= 2",
            null,
            new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 10 });
        if (tab.Url != url)
        {
            throw new InvalidOperationException($"{url} ended at {tab.Url}.");
        }

        return await tab.EvaluateAsync<double>("() => window.__firstFrame");
    }
}
