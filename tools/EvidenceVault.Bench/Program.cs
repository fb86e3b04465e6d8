using EvidenceVault.Bench;

// tools/bench.sh (bays), api, ledger and web drive this tool; each command prints one line of numbers for the script to read.
//   upload --url U --key K --clients N --bytes B --chunk C --run R     tus uploads with per-PATCH latency
//   write  --out F --bytes B --chunk C --run R                          the bytes client 0 of that run uploads
//   seed   --catalog DB --from I --rows N                               synthetic recording rows, raw SQL
//   query  --url U --key K --query recent|officer|window|officer-window --rows N --requests M
//   custody --catalog DB --entries N                                    chained custody entries appended, raw SQL (tools/bench.sh ledger)
//   chain  --catalog DB                                                 baseline: read every entry and recompute its hash
//   flood  --url U --path P --parallel N --requests M [--json BODY]      anonymous requests at once: latency and statuses
//   cases  --catalog DB --cases N --rows R                              cases, activities and links over seeded rows, raw SQL
//   web    --url U --token T --query list|officer-window|window|cases|case --rows R --cases N --requests M
//                                                                       a page and its JSON twin, same questions, alternating
//   frame  --page URL --baseline URL --token T --runs N                 chromium: navigation start to the video's first frame
//   bays   --tree T --data D --bays N --rate B                          the station over N folders of T, each read at B bytes/s (tools/bench.sh)
try
{
    var options = Options.Parse(args.Skip(1));
    return args.FirstOrDefault() switch
    {
        "upload" => await TusLoad.RunAsync(options),
        "write" => await WriteAsync(options),
        "seed" => CatalogSeeder.Run(options),
        "query" => await QueryLoad.RunAsync(options),
        "custody" => CustodySeeder.Append(options),
        "chain" => CustodySeeder.Chain(options),
        "flood" => await FloodLoad.RunAsync(options),
        "cases" => CaseSeeder.Run(options),
        "web" => await WebLoad.RunAsync(options),
        "frame" => await FirstFrame.RunAsync(options),
        "bays" => await StationLoad.RunAsync(options),
        _ => Usage(),
    };
}
catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or HttpRequestException or IOException or Microsoft.Playwright.PlaywrightException)
{
    await Console.Error.WriteLineAsync($"evidencevault-bench: {ex.Message}");
    return 1;
}

static async Task<int> WriteAsync(Options options)
{
    await new SyntheticFile(options.Long("run"), 0, options.Long("bytes"), options.Int("chunk")).WriteAsync(options.Text("out"));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: evidencevault-bench upload|write|seed|query|custody|chain|flood|cases|web|frame|bays --name value... (see tools/bench.sh api, ledger and web)");
    return 2;
}
