using System.CommandLine;
using EvidenceVault.Api.Station;
using EvidenceVault.Application.Station;
using EvidenceVault.Cli.Output;
using EvidenceVault.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Cli.Commands;

/// <summary>
/// <c>evidencevault station</c>: the docking station (采集站) as a long-running service. Configuration comes from
/// appsettings.json or <c>--config</c> (section <c>Station</c>), then <c>EVIDENCEVAULT__STATION__...</c> environment
/// variables, then these options; it is validated before any device is read. Runs until Ctrl+C or SIGTERM, finishing nothing half-way: a bay
/// stopped mid-copy resumes at the next docking.
/// </summary>
internal static class StationCommandLine
{
    public static Command Create()
    {
        var mountRoot = new Option<string?>("--mount-root") { Description = "Recorders mounted as USB storage appear below this folder" };
        var folders = new Option<bool>("--folders-as-devices") { Description = "Each folder directly under the mount root is a device, mounted or not" };
        var watch = new Option<string[]>("--watch") { Description = "A folder collected when its contents settle (repeatable)", AllowMultipleArgumentsPerToken = true };
        var mtp = new Option<bool>("--mtp") { Description = "Also read MTP recorders through libmtp" };
        var bays = new Option<int?>("--bays") { Description = "Devices worked on at once (default 25)" };
        var perHub = new Option<int?>("--per-hub") { Description = "At most this many devices per USB hub at once (default no limit)" };
        var wipe = new Option<bool?>("--wipe") { Description = "Wipe recorders after verify unless their model's policy says otherwise" };
        var sm3 = new Option<bool?>("--sm3") { Description = "Also compute SM3" };
        var clockFile = new Option<string?>("--clock-file") { Description = "The recorder's clock file (path inside the recorder)" };
        var urls = new Option<string[]>("--urls") { Description = "Where /station/bays is served (default http://127.0.0.1:5081)", AllowMultipleArgumentsPerToken = true };
        var plain = new Option<bool>("--plain") { Description = "Print a line per bay change instead of the live dashboard" };
        var command = new Command("station", "Run a docking station: detect recorders, copy, verify, catalog and wipe per bay, unattended")
        {
            mountRoot, folders, watch, mtp, bays, perHub, wipe, sm3, clockFile, urls, plain,
        };
        command.SetAction((parse, ct) =>
        {
            var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
            void Set<T>(string key, T? value) => overrides[$"{StationOptions.Section}:{key}"] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            void SetList(string key, string[]? values)
            {
                for (var i = 0; values is not null && i < values.Length; i++)
                {
                    Set($"{key}:{i}", Path.GetFullPath(values[i]));
                }
            }

            if (parse.GetValue(mountRoot) is { } root)
            {
                Set(nameof(StationOptions.MountRoot), Path.GetFullPath(root));
            }

            if (parse.GetValue(folders))
            {
                Set(nameof(StationOptions.FoldersAsDevices), true);
            }

            if (parse.GetValue(mtp))
            {
                Set(nameof(StationOptions.Mtp), true);
            }

            SetOptional(Set, nameof(StationOptions.Bays), parse.GetValue(bays));
            SetOptional(Set, nameof(StationOptions.PerHubLimit), parse.GetValue(perHub));
            SetOptional(Set, nameof(StationOptions.WipeByDefault), parse.GetValue(wipe));
            SetOptional(Set, nameof(StationOptions.Sm3), parse.GetValue(sm3));
            if (parse.GetValue(clockFile) is { } clock)
            {
                Set(nameof(StationOptions.ClockFile), clock);
            }

            SetList(nameof(StationOptions.WatchedFolders), parse.GetValue(watch));
            if (parse.GetValue(urls) is { Length: > 0 } listen)
            {
                for (var i = 0; i < listen.Length; i++)
                {
                    Set($"{nameof(StationOptions.Urls)}:{i}", listen[i]);
                }
            }

            IConfiguration? configuration = null;
            return CommandRunner.RunAsync(
                parse,
                services => RunAsync(services, parse.GetValue(plain) || Console.IsOutputRedirected, ct),
                services => services.Configure<StationOptions>(configuration!.GetSection(StationOptions.Section)).AddStationLoop(),
                () => configuration = GlobalOptions.Configuration(parse, overrides));
        });
        return command;
    }

    private static void SetOptional<T>(Action<string, T?> set, string key, T? value)
        where T : struct
    {
        if (value is { } given)
        {
            set(key, given);
        }
    }

    private static async Task<int> RunAsync(IServiceProvider services, bool plain, CancellationToken cancellationToken)
    {
        StationOptions options;
        try
        {
            options = services.GetRequiredService<IOptions<StationOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"evidencevault: {failure}");
            }

            return ExitCodes.UsageOrConfiguration;
        }

        var board = services.GetRequiredService<BayBoard>();
        await using var web = StationBoardHost.Build(board, options.ListenUrls);
        await web.StartAsync(cancellationToken);

        // The addresses actually bound, not the ones asked for: with port 0 the system picks the port.
        await Console.Error.WriteLineAsync($"evidencevault: station with {board.Count} bays; bays at {string.Join(", ", web.Urls.Select(u => u.TrimEnd('/') + "/station/bays"))}");
        var loop = services.GetRequiredService<StationLoop>();
        var dashboard = plain ? StationDashboard.PrintChangesAsync(board, cancellationToken) : StationDashboard.ShowAsync(board, cancellationToken);
        await loop.RunAsync(cancellationToken);
        await dashboard;
        await web.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }
}
