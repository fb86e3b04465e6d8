using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Registry;

/// <summary>Assign a recorder to an officer from an instant on (the device's previous assignment ends then).</summary>
public sealed record BindDeviceCommand(DeviceId Device, OfficerId Officer, DateTimeOffset From) : ICommand<DeviceBinding>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Administrators;
}

public sealed class BindDeviceHandler(IRegistry registry, CustodyEntries custody) : ICommandHandler<BindDeviceCommand, DeviceBinding>
{
    public async ValueTask<DeviceBinding> Handle(BindDeviceCommand command, CancellationToken cancellationToken)
    {
        var officers = await registry.OfficersAsync(cancellationToken);
        if (officers.All(o => o.Number != command.Officer))
        {
            throw new FormatException($"Officer {command.Officer} is not in the registry; add the officer first.");
        }

        var stored = await registry.BindAsync(new DeviceBinding(command.Device, command.Officer, command.From, null), change => custody.DeviceBound(change), cancellationToken);
        return stored.Binding;
    }
}
