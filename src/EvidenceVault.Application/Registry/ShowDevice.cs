using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;
using Mediator;

namespace EvidenceVault.Application.Registry;

/// <summary>One recorder of the registry with every assignment it has had, oldest first.</summary>
public sealed record ShowDeviceQuery(DeviceId Id) : IQuery<DeviceDetails>;

public sealed record DeviceDetails(Device Device, IReadOnlyList<DeviceBinding> Bindings);

public sealed class ShowDeviceHandler(IRegistry registry) : IQueryHandler<ShowDeviceQuery, DeviceDetails>
{
    public async ValueTask<DeviceDetails> Handle(ShowDeviceQuery query, CancellationToken cancellationToken)
    {
        var bindings = await registry.BindingsAsync(query.Id, cancellationToken);

        // A recorder may be assigned before its model and unit are registered; it still exists then.
        var device = (await registry.DevicesAsync(cancellationToken)).SingleOrDefault(d => d.Id == query.Id)
            ?? (bindings.Count > 0 ? new Device(query.Id, null, null) : throw new NotFoundException($"No device has the id {query.Id}."));
        return new DeviceDetails(device, bindings);
    }
}
