using EvidenceVault.Application.Disclosure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Hosting;

/// <summary>Refuses a schedule that would hammer the catalog or leave the public ledger head days behind.</summary>
public sealed class PublicationOptionsValidator : IValidateOptions<PublicationOptions>
{
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, PublicationOptions options) =>
        options.ScheduleInterval < Shortest || options.ScheduleInterval > Longest
            ? ValidateOptionsResult.Fail($"{PublicationOptions.SectionName}:ScheduleInterval must be 1 minute to 1 day (is {options.ScheduleInterval}).")
            : ValidateOptionsResult.Success;
}

/// <summary>
/// Runs <see cref="EndDisplayPeriodsCommand"/> and <see cref="PublishLedgerHeadsCommand"/> every interval, as the
/// host's actor. Each is tried on its own: one failing (catalog down, no signing key) is logged and the other still runs, and the
/// next tick tries both again; the service only stops with the host.
/// </summary>
public sealed partial class PublicationScheduler(ISender sender, IOptions<PublicationOptions> options, TimeProvider time, ILogger<PublicationScheduler> logger)
    : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>The interval counts from start: the timer is made here, not in ExecuteAsync, which .NET starts on another thread later.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(options.Value.ScheduleInterval, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first run waits one interval: hosts that start together (scale-out, restarts) do not all hit the catalog at once.
        while (await _timer!.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await TryAsync(nameof(EndDisplayPeriodsCommand), async () => LogEnded(await sender.Send(new EndDisplayPeriodsCommand(), cancellationToken)), cancellationToken);
        await TryAsync(nameof(PublishLedgerHeadsCommand), async () => LogPublished((await sender.Send(new PublishLedgerHeadsCommand(), cancellationToken)).Size), cancellationToken);
    }

    private async Task TryAsync(string task, Func<Task> run, CancellationToken cancellationToken)
    {
        try
        {
            await run();
        }
#pragma warning disable CA1031 // A background loop outlives any one failure: whatever a run throws is logged and the next tick retries.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogFailed(task, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled upkeep: {Count} display periods ended.")]
    private partial void LogEnded(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled upkeep: ledger head at {Size} entries published.")]
    private partial void LogPublished(long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled upkeep {Task} failed; it runs again at the next interval.")]
    private partial void LogFailed(string task, Exception exception);
}

/// <summary>The publication upkeep as a hosted service, for the hosts that run background work.</summary>
public static class PublicationScheduleRegistration
{
    /// <summary>Adds the scheduler; the interval is validated when the host starts (the options come from <see cref="PublicationRegistration.AddPublication"/>).</summary>
    public static IServiceCollection AddPublicationSchedule(this IServiceCollection services)
    {
        services.AddOptions<PublicationOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublicationOptions>, PublicationOptionsValidator>();
        services.AddHostedService<PublicationScheduler>();
        return services;
    }
}
