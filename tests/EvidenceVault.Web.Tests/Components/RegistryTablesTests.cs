using Bunit;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;
using EvidenceVault.Web.Components.Admin;

namespace EvidenceVault.Web.Tests.Components;

public sealed class RegistryTablesTests : ComponentContext
{
    [Fact]
    public void Render_Bindings_AreListedUnderTheirOwnDeviceNewestFirst()
    {
        var (a, b) = (DeviceId.Parse("DSJ-A"), DeviceId.Parse("DSJ-B"));
        var monday = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var registry = new RegistrySnapshot(
            [new Officer(OfficerId.Parse("222222"), "李四", null, null), new Officer(OfficerId.Parse("111111"), "张三", "11010001", "一中队")],
            [new Device(b, null, null), new Device(a, "DSJ-V9", "一中队")],
            [
                new DeviceBinding(a, OfficerId.Parse("111111"), monday, monday.AddDays(1)),
                new DeviceBinding(a, OfficerId.Parse("222222"), monday.AddDays(1), null),
                new DeviceBinding(b, OfficerId.Parse("111111"), monday.AddDays(2), null),
            ]);

        var tables = Render<RegistryTables>(p => p.Add(c => c.Registry, registry));

        Assert.Equal(["111111", "222222"], tables.FindAll("[data-officer]").Select(r => r.GetAttribute("data-officer")));
        Assert.Equal(["DSJ-A", "DSJ-B"], tables.FindAll("[data-device]").Select(r => r.GetAttribute("data-device")));
        var boundToA = tables.FindAll("[data-device=DSJ-A] td:last-child p").Select(p => p.TextContent).ToList();
        Assert.Equal(2, boundToA.Count);
        Assert.StartsWith("222222 · 2026-12-01 08:00:00 +08:00 – —", boundToA[0], StringComparison.Ordinal);
        Assert.StartsWith("111111 ·", boundToA[1], StringComparison.Ordinal);
        Assert.Single(tables.FindAll("[data-device=DSJ-B] td:last-child p"));
        Assert.Contains("2 名执法人员 · 2 台设备 · 3 条绑定", tables.Find("caption").TextContent, StringComparison.Ordinal);
    }
}
