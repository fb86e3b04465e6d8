using System.Diagnostics;
using System.Globalization;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Station;
using EvidenceVault.Devices;
using EvidenceVault.Hosting;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Bench;

/// <summary>
/// <c>bays --tree T --warmup W --data D --bays N --rate B</c>: the station's own path (<see cref="StationLoop"/> → bay runner →
/// <c>DockDeviceCommand</c> → ingest) over the first N folders of T, each read through a source limited to B bytes/s
/// (a USB 2 recorder), into a fresh vault under D. Prints the slowest folder's own read time through the same limit
/// (read alone, no ingest), the station's wall time for all N, the files secured and the bays that failed. The folder W
/// is docked first and not timed: a station is a long-running service, so its code is warm when recorders arrive.
/// </summary>
internal static class StationLoad
{
    public static async Task<int> RunAsync(Options options)
    {
        var rate = options.Long("rate");
        var folders = Directory.GetDirectories(options.Text("tree")).Order(StringComparer.Ordinal).Take(options.Int("bays")).ToList();
        var slowest = folders.MaxBy(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories).Sum(p => new FileInfo(p).Length))!;
        var alone = await ReadAloneAsync(new ThrottledSourceFactory(new RecorderSourceFactory(), rate).Open(slowest));

        await using var services = new ServiceCollection()
            .AddEvidenceVault(new EvidenceVaultSettings { DataDirectory = options.Text("data"), Actor = "bench-station" })
            .Configure<StationOptions>(o => o.Bays = folders.Count)
            .AddSingleton<IRecorderSourceFactory>(new ThrottledSourceFactory(new RecorderSourceFactory(), rate))
            .BuildServiceProvider();
        var board = services.GetRequiredService<BayBoard>();
        var scanner = new FixedScanner();
        var loop = new StationLoop(
            [scanner],
            new MediatorBayRunner(services.GetRequiredService<IMediator>()),
            board,
            services.GetRequiredService<IOptions<StationOptions>>(),
            TimeProvider.System,
            services.GetRequiredService<ILogger<StationLoop>>());

        await DockAsync(loop, scanner, [options.Text("warmup")]);
        var started = Stopwatch.GetTimestamp();
        await DockAsync(loop, scanner, folders);
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var bays = board.Snapshot().Bays.Where(b => b.Summary is not null).ToList();
        var secured = bays.Sum(b => b.Summary!.Stored + b.Summary.Quarantined);
        var failed = bays.Count(b => b.Phase != BayPhase.Done);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{alone:F3} {wall:F3} {secured} {failed}"));
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Plugs the folders in, waits for their bays to finish, and unplugs them.</summary>
    private static async Task DockAsync(StationLoop loop, FixedScanner scanner, IReadOnlyList<string> folders)
    {
        scanner.Present = folders;
        await loop.ScanOnceAsync(CancellationToken.None);
        await loop.WhenBaysFinishedAsync();
        scanner.Present = [];
        await loop.ScanOnceAsync(CancellationToken.None);
    }

    /// <summary>The baseline: every file of one source read through its limit to nowhere, one after another.</summary>
    private static async Task<double> ReadAloneAsync(IRecorderSource source)
    {
        var started = Stopwatch.GetTimestamp();
        var buffer = new byte[1024 * 1024];
        await foreach (var entry in source.EnumerateAsync(CancellationToken.None))
        {
            if (entry.Type != SourceEntryType.File)
            {
                continue;
            }

            await using var stream = await source.OpenReadAsync(entry, CancellationToken.None);
            while (await stream.ReadAsync(buffer) > 0)
            {
            }
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>The bench's devices, all docked at once as watched folders (trusted by configuration: no registry needed).</summary>
    private sealed class FixedScanner : IDockScanner
    {
        public IReadOnlyList<string> Present { get; set; } = [];

        public Task<IReadOnlyList<DockedDevice>> ScanAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DockedDevice>>([.. Present.Select(f => new DockedDevice(f, f, DockKind.WatchedFolder))]);
    }
}
