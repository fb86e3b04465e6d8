using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;

namespace EvidenceVault.Api;

/// <summary>
/// Checkpoints the custody log while the service runs: every <see cref="CheckpointWriter.CheckEvery"/> it writes one
/// when the log has grown and the latest is nearly <see cref="CheckpointWriter.Interval"/> old, so a growing log is
/// never longer than that without one. Several instances may run; a head checkpointed twice is harmless.
/// </summary>
internal sealed partial class CheckpointService(CheckpointWriter checkpoints, TimeProvider time, ILogger<CheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckpointWriter.CheckEvery, time);
        do
        {
            try
            {
                if (await checkpoints.WriteIfDueAsync(stoppingToken) is { } written)
                {
                    LogWritten(written.Name, written.Checkpoint.Size);
                }
            }
            catch (Exception ex) when (ex is VaultException or IOException or CheckpointConflictException or Application.Catalog.CatalogUnavailableException)
            {
                // Storage down or the catalog unreachable: the next tick tries again, the service keeps running.
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint {Name} written ({Size} custody entries).")]
    private partial void LogWritten(string name, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing a custody checkpoint failed.")]
    private partial void LogFailed(Exception exception);
}
