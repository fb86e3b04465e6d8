using Microsoft.Extensions.Options;

namespace EvidenceVault.Application.Station;

/// <summary>
/// How a docking station (采集站) runs: configuration section <c>Station</c> (appsettings.json, then
/// <c>EVIDENCEVAULT__STATION__...</c> environment variables, then the command line), validated before anything is read.
/// </summary>
public sealed class StationOptions
{
    public const string Section = "Station";

    /// <summary>Recorders mounted as USB mass storage appear as mounts below this folder (e.g. /media/evidencevault).</summary>
    public string? MountRoot { get; set; }

    /// <summary>
    /// Treat every folder directly under <see cref="MountRoot"/> as a device, mounted or not (a station whose mounts are
    /// made elsewhere and linked in, and tests). Off: only real mount points count.
    /// </summary>
    public bool FoldersAsDevices { get; set; }

    /// <summary>Folders (network shares, other tools' output) collected when their contents have settled.</summary>
    public List<string> WatchedFolders { get; set; } = [];

    /// <summary>Read MTP recorders through libmtp.</summary>
    public bool Mtp { get; set; }

    /// <summary>Devices worked on at once; more wait in a queue (a 采集站 has up to 25 ports).</summary>
    public int Bays { get; set; } = 25;

    /// <summary>At most this many devices per USB hub copy at once (they share its bandwidth); 0 for no limit.</summary>
    public int PerHubLimit { get; set; }

    /// <summary>How often the station looks for devices plugged in or removed.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Refuse USB storage that is not a registered recorder (stations block ordinary USB sticks).</summary>
    public bool RefuseUnregistered { get; set; } = true;

    /// <summary>Wipe a recorder's files after their stored copies are verified, unless its model says otherwise.</summary>
    public bool WipeByDefault { get; set; }

    /// <summary>Per recorder model (the registry's model): true to wipe after verify, false never to.</summary>
    public Dictionary<string, bool> WipeByModel { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Also compute SM3 (GB/T 32905) for every file.</summary>
    public bool Sm3 { get; set; }

    /// <summary>
    /// A file on the recorder where its firmware writes its own clock when docked (path relative to the recorder root,
    /// e.g. <c>SYSTEM/TIME.TXT</c>, holding <c>yyyy-MM-dd HH:mm:ss</c> in the recorder's zone); null when the model has none.
    /// </summary>
    public string? ClockFile { get; set; }

    /// <summary>Devices not docked for longer than this are listed by <c>devices overdue</c>.</summary>
    public TimeSpan OverdueAfter { get; set; } = TimeSpan.FromHours(24);

    public const string DefaultUrl = "http://127.0.0.1:5081";

    /// <summary>Where the station serves <c>/station/bays</c> (JSON and server-sent events); empty for <see cref="DefaultUrl"/> (loopback).</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>The addresses to listen on (a bound list adds to a default, so the default is applied here).</summary>
    public IReadOnlyList<string> ListenUrls => Urls.Count == 0 ? [DefaultUrl] : Urls;

    /// <summary>The wipe policy for a recorder of <paramref name="model"/>.</summary>
    public bool WipesModel(string? model) => model is not null && WipeByModel.TryGetValue(model, out var wipe) ? wipe : WipeByDefault;
}

/// <summary>Refuses a station configuration that could not work, before any device is touched.</summary>
public sealed class StationOptionsValidator : IValidateOptions<StationOptions>
{
    public ValidateOptionsResult Validate(string? name, StationOptions options)
    {
        var problems = new List<string>();
        if (options.MountRoot is null && options.WatchedFolders.Count == 0 && !options.Mtp)
        {
            problems.Add("Station: nothing to watch; set MountRoot, WatchedFolders or Mtp.");
        }

        if (options.MountRoot is { } root && !Directory.Exists(root))
        {
            problems.Add($"Station:MountRoot '{root}' is not a folder.");
        }

        problems.AddRange(options.WatchedFolders.Where(f => !Directory.Exists(f)).Select(f => $"Station:WatchedFolders '{f}' is not a folder."));
        if (options.Bays is < 1 or > 64)
        {
            problems.Add($"Station:Bays must be 1 to 64 (is {options.Bays}).");
        }

        if (options.PerHubLimit < 0 || options.PerHubLimit > options.Bays)
        {
            problems.Add($"Station:PerHubLimit must be 0 (no limit) to Bays (is {options.PerHubLimit}).");
        }

        if (options.ScanInterval < TimeSpan.FromMilliseconds(100) || options.ScanInterval > TimeSpan.FromMinutes(1))
        {
            problems.Add($"Station:ScanInterval must be 100 ms to 1 minute (is {options.ScanInterval}).");
        }

        if (options.OverdueAfter <= TimeSpan.Zero)
        {
            problems.Add("Station:OverdueAfter must be positive.");
        }

        if (options.ClockFile is { } clock && (Path.IsPathRooted(clock) || clock.Split('/', '\\').Contains("..")))
        {
            problems.Add($"Station:ClockFile '{clock}' must be a path inside the recorder.");
        }

        problems.AddRange(options.WipeByModel.Keys.Where(string.IsNullOrWhiteSpace).Select(_ => "Station:WipeByModel has an empty model name."));
        problems.AddRange(options.Urls.Where(u => !Uri.TryCreate(u, UriKind.Absolute, out _)).Select(u => $"Station:Urls '{u}' is not an absolute URL."));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
