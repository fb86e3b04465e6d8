using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;
using Mediator;

namespace EvidenceVault.Application.Registry;

/// <summary>Import recorders from CSV: a header line, then <c>serial,model,unit</c> per line (all or nothing).</summary>
public sealed record ImportDevicesCommand(string Csv) : ICommand<int>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Administrator];
}

public sealed class ImportDevicesHandler(IRegistry registry, CustodyEntries custody) : ICommandHandler<ImportDevicesCommand, int>
{
    public async ValueTask<int> Handle(ImportDevicesCommand command, CancellationToken cancellationToken)
    {
        var devices = CsvRows.Read(command.Csv, "serial[,model,unit]", 1, f => new Device(DeviceId.Parse(f[0]), CsvRows.Optional(f, 1), CsvRows.Optional(f, 2)));
        foreach (var d in devices)
        {
            await registry.SaveDeviceAsync(d, custody.DeviceSaved(d, "csv"), cancellationToken);
        }

        return devices.Count;
    }
}
