using EvidenceVault.Application.Uploads;
using Mediator;

namespace EvidenceVault.Api.Uploads;

/// <summary>Removes expired uploads in the background, a few times per expiry period (at most every 15 minutes).</summary>
internal sealed partial class UploadSweeper(IMediator mediator, UploadLimits limits, TimeProvider time, ILogger<UploadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromTicks(Math.Clamp(limits.Expiry.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.FromMinutes(15).Ticks));
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                var removed = await mediator.Send(new ExpireUploadsCommand(), stoppingToken);
                if (removed > 0)
                {
                    LogSwept(removed);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or UploadStoreUnavailableException)
            {
                // A locked or vanished folder, or upload storage being down, is retried at the next tick; the service (and
                // with it the whole API) keeps running.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired uploads.")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired uploads failed.")]
    private partial void LogFailed(Exception exception);
}
