using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class RegistryTests(CatalogEngine engine) : CatalogTestBase(engine)
{
    private static readonly DeviceId Device = DeviceId.Parse("A123456");

    [Fact]
    public async Task BindAsync_SecondAssignment_ClosesTheFirstAndItsCustodyEntryNamesBothRows()
    {
        var registry = new SqlRegistry(Database);
        var first = await BindAsync(registry, "010203", Now);

        var second = await BindAsync(registry, "040506", Now.AddDays(1));

        var rows = await registry.BindingsAsync(Device, CancellationToken.None);
        var entry = JsonDocument.Parse((await Custody.ReadAsync(Device.Value, CancellationToken.None))[^1].Entry.Details).RootElement;
        Assert.Empty(first.Closed);
        Assert.Equal([first.Binding.Id], second.Closed);
        Assert.Equal([first.Binding.Id, second.Binding.Id], rows.Select(r => r.Id));
        Assert.Equal(Now.AddDays(1), rows[0].To);
        Assert.Equal(second.Binding.Id, entry.GetProperty("bindingId").GetInt64());
        Assert.Equal(first.Binding.Id, Assert.Single(entry.GetProperty("closes").EnumerateArray()).GetInt64());
    }

    private static Task<BindingChange> BindAsync(SqlRegistry registry, string officer, DateTimeOffset from) =>
        registry.BindAsync(
            new DeviceBinding(Device, OfficerId.Parse(officer), from, null),
            change => new CustodyEntry(Now, "tester", CustodyActions.DeviceBound, Device.Value, JsonSerializer.Serialize(new { bindingId = change.Binding.Id, closes = change.Closed })),
            CancellationToken.None);
}
