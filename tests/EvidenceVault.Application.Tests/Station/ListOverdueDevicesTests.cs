using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Station;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Station;

public sealed class ListOverdueDevicesTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryCatalog _catalog = new();

    [Fact]
    public async Task Handle_DevicesDockedLongAgoOrNever_AreOverdueLongestFirst()
    {
        foreach (var id in new[] { "A000001", "A000002", "A000003" })
        {
            _catalog.Devices.Add(new Device(DeviceId.Parse(id), "DSJ-V9", null));
        }

        Docked("A000001", TimeSpan.FromHours(2));
        Docked("A000002", TimeSpan.FromHours(30));
        Docked("A000002", TimeSpan.FromHours(26));

        var overdue = await Handler().Handle(new ListOverdueDevicesQuery(), CancellationToken.None);

        Assert.Equal(["A000003", "A000002"], overdue.Select(d => d.Device));
        Assert.Null(overdue[0].LastDocked);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromHours(26), overdue[1].LastDocked);
        Assert.Equal(3, overdue[1].LastBay);
    }

    [Fact]
    public async Task Handle_ShorterLimitGiven_UsesIt()
    {
        _catalog.Devices.Add(new Device(DeviceId.Parse("A000001"), null, null));
        Docked("A000001", TimeSpan.FromHours(2));

        var overdue = await Handler().Handle(new ListOverdueDevicesQuery(TimeSpan.FromHours(1)), CancellationToken.None);

        Assert.Equal("A000001", Assert.Single(overdue).Device);
    }

    private ListOverdueDevicesHandler Handler() =>
        new(_catalog, _catalog, Options.Create(new StationOptions()), _time);

    private void Docked(string device, TimeSpan ago)
    {
        var details = new StationDockedDetails(3, "/media/ev/sdb1", "usb-storage", Identification.BySerial, device, null, "offset unknown", false);
        var entry = new CustodyEntries(new StationActor(), _time).Entry(device, details) with { At = _time.GetUtcNow() - ago };
        _catalog.Custody.Add(entry);
    }

    private sealed class StationActor : IActorContext
    {
        public string Actor => "station-1";
    }
}
