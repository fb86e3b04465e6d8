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

    /// <summary>Assigns a device to an officer from an instant; closes the device's open binding at that instant.</summary>
    Task BindAsync(DeviceBinding binding, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>Bindings, of one device or all.</summary>
    Task<IReadOnlyList<DeviceBinding>> BindingsAsync(DeviceId? device, CancellationToken cancellationToken);
}
