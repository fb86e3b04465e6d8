using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;

namespace EvidenceVault.Application.Registry;

/// <summary>Officers, devices and which device was assigned to which officer when.</summary>
public interface IRegistry
{
    /// <summary>Adds or updates an officer.</summary>
    Task SaveOfficerAsync(Officer officer, CustodyEntry custody, CancellationToken cancellationToken);

    Task<IReadOnlyList<Officer>> OfficersAsync(CancellationToken cancellationToken);

    /// <summary>Adds or updates a device.</summary>
    Task SaveDeviceAsync(Device device, CustodyEntry custody, CancellationToken cancellationToken);

    Task<IReadOnlyList<Device>> DevicesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Assigns a device to an officer from an instant and closes the device's earlier open binding at that instant. The
    /// custody entry is built from what was written (the new row's id, the ids closed) and shares the transaction.
    /// </summary>
    Task<BindingChange> BindAsync(DeviceBinding binding, Func<BindingChange, CustodyEntry> custody, CancellationToken cancellationToken);

    /// <summary>Bindings (with their ids), of one device or all.</summary>
    Task<IReadOnlyList<DeviceBinding>> BindingsAsync(DeviceId? device, CancellationToken cancellationToken);
}

/// <summary>A stored binding and the ids of the bindings it closed (their end became its start).</summary>
public sealed record BindingChange(DeviceBinding Binding, IReadOnlyList<long> Closed);
