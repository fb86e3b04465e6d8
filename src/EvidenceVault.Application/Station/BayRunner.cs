using Mediator;

namespace EvidenceVault.Application.Station;

/// <summary>Runs one bay's work for the station loop; the loop decides when and where, this does it.</summary>
public interface IBayRunner
{
    Task<BayStatus> RunAsync(DockedDevice device, int bay, CancellationToken cancellationToken);
}

/// <summary>The bay's work is the <see cref="DockDeviceCommand"/> use case, through the pipeline (roles, logging).</summary>
public sealed class MediatorBayRunner(IMediator mediator) : IBayRunner
{
    public async Task<BayStatus> RunAsync(DockedDevice device, int bay, CancellationToken cancellationToken) =>
        await mediator.Send(new DockDeviceCommand(device, bay), cancellationToken);
}
