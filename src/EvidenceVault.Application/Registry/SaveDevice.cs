using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Registry;
using Mediator;

namespace EvidenceVault.Application.Registry;

/// <summary>Add or update a body recorder.</summary>
public sealed record SaveDeviceCommand(Device Device) : ICommand<Device>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class SaveDeviceHandler(IRegistry registry, CustodyEntries custody) : ICommandHandler<SaveDeviceCommand, Device>
{
    public async ValueTask<Device> Handle(SaveDeviceCommand command, CancellationToken cancellationToken)
    {
        await registry.SaveDeviceAsync(command.Device, custody.DeviceSaved(command.Device), cancellationToken);
        return command.Device;
    }
}
