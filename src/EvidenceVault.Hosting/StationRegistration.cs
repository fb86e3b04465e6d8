using EvidenceVault.Application.Station;
using EvidenceVault.Devices.Station;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Hosting;

/// <summary>The docking station's parts: its board and identity rules everywhere, its loop and scanners in the station host.</summary>
public static class StationRegistration
{
    /// <summary>What every host has: the use cases read the board and the station options (defaults unless a host binds them).</summary>
    public static IServiceCollection AddStationUseCases(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        services.AddOptions<StationOptions>();
        ServiceConfiguration.Bind(settings.Configuration, StationBoardsOptions.Section, new StationBoardsOptions()); // a wrong key stops the start
        services.AddOptions<StationBoardsOptions>().Configure(o => ServiceConfiguration.Bind(settings.Configuration, StationBoardsOptions.Section, o));

        // One client for the life of the process; connections are renewed so a station that moved is found again.
        services.AddSingleton<IStationBoards>(new HttpStationBoards(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })));
        services.AddSingleton<DockIdentity>();
        services.AddSingleton(sp => new BayBoard(sp.GetRequiredService<IOptions<StationOptions>>().Value.Bays, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// The station itself: options validated when first read (the station reads them before it starts), the scanners
    /// the options ask for, and the loop that runs the bays through <see cref="DockDeviceCommand"/>.
    /// </summary>
    public static IServiceCollection AddStationLoop(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<StationOptions>, StationOptionsValidator>();
        services.AddSingleton<IBayRunner, MediatorBayRunner>();
        services.AddSingleton(sp => new StationLoop(
            Scanners(sp.GetRequiredService<IOptions<StationOptions>>().Value),
            sp.GetRequiredService<IBayRunner>(),
            sp.GetRequiredService<BayBoard>(),
            sp.GetRequiredService<IOptions<StationOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<StationLoop>>()));
        return services;
    }

    private static List<IDockScanner> Scanners(StationOptions options)
    {
        var scanners = new List<IDockScanner>();
        if (options.MountRoot is { } root)
        {
            scanners.Add(new MountRootScanner(root, options.FoldersAsDevices, new UsbSysfs()));
        }

        if (options.WatchedFolders.Count > 0)
        {
            scanners.Add(new WatchedFolderScanner(options.WatchedFolders));
        }

        if (options.Mtp)
        {
            scanners.Add(new MtpScanner());
        }

        return scanners;
    }
}
