using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Access;
using Mediator;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Application.Station;

/// <summary>
/// Registered recorders not docked at a station for longer than <paramref name="After"/> (default
/// <see cref="StationOptions.OverdueAfter"/>): footage that may be sitting on a device, longest overdue first.
/// </summary>
public sealed record ListOverdueDevicesQuery(TimeSpan? After = null) : IQuery<IReadOnlyList<OverdueDevice>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Audit;
}

/// <summary>A recorder and when a station last saw it (null: never docked at one).</summary>
public sealed record OverdueDevice(string Device, string? Model, string? Unit, DateTimeOffset? LastDocked, int? LastBay);

public sealed class ListOverdueDevicesHandler(IRegistry registry, ICustodyLog custody, IOptions<StationOptions> options, TimeProvider time)
    : IQueryHandler<ListOverdueDevicesQuery, IReadOnlyList<OverdueDevice>>
{
    public async ValueTask<IReadOnlyList<OverdueDevice>> Handle(ListOverdueDevicesQuery query, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - (query.After ?? options.Value.OverdueAfter);
        var overdue = new List<OverdueDevice>();
        foreach (var device in await registry.DevicesAsync(cancellationToken))
        {
            // The docking entries are the record of when a station saw the device; the ledger is their only store.
            var last = (await custody.ReadAsync(device.Id.Value, cancellationToken))
                .Where(r => r.Entry.Action == CustodyActions.StationDocked)
                .MaxBy(r => r.Entry.At);
            if (last is null || last.Entry.At < cutoff)
            {
                var bay = last is null ? null : CustodyEntries.Read<StationDockedDetails>(last.Entry)?.Bay;
                overdue.Add(new OverdueDevice(device.Id.Value, device.Model, device.Unit, last?.Entry.At, bay));
            }
        }

        return [.. overdue.OrderBy(d => d.LastDocked ?? DateTimeOffset.MinValue).ThenBy(d => d.Device, StringComparer.Ordinal)];
    }
}
