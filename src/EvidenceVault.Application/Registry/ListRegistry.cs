using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Registry;
using Mediator;

namespace EvidenceVault.Application.Registry;

/// <summary>The whole registry: officers, devices and bindings.</summary>
public sealed record ListRegistryQuery : IQuery<RegistrySnapshot>;

public sealed record RegistrySnapshot(IReadOnlyList<Officer> Officers, IReadOnlyList<Device> Devices, IReadOnlyList<DeviceBinding> Bindings);

public sealed class ListRegistryHandler(IRegistry registry) : IQueryHandler<ListRegistryQuery, RegistrySnapshot>
{
    public async ValueTask<RegistrySnapshot> Handle(ListRegistryQuery query, CancellationToken cancellationToken) =>
        new(await registry.OfficersAsync(cancellationToken), await registry.DevicesAsync(cancellationToken), await registry.BindingsAsync(null, cancellationToken));
}
