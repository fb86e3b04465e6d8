using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Station;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Naming;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;

namespace EvidenceVault.Application.Tests.Station;

public sealed class DockIdentityTests
{
    private const string RecorderFile = "DCIM/A123456_010203_20250301093015_0001.MP4";
    private readonly InMemoryCatalog _registry = new();
    private readonly DockIdentity _identity;

    public DockIdentityTests()
    {
        _registry.Devices.Add(new Device(DeviceId.Parse("A123456"), "DSJ-V9", "一中队"));
        _identity = new DockIdentity(_registry, new RecorderNameParser(RecorderProfile.BuiltIn, TimeZoneInfo.Utc));
    }

    [Fact]
    public async Task Identify_RegisteredSerial_IsTheRegisteredRecorder()
    {
        var found = await IdentifyAsync(Usb("A123456"), []);

        Assert.Null(found.Refusal);
        Assert.Equal(Identification.BySerial, found.Basis);
        Assert.Equal("DSJ-V9", found.Device!.Model);
    }

    [Fact]
    public async Task Identify_UnregisteredSerialEvenWithARecordersFileNames_IsRefused()
    {
        // A stick carrying a copy of a recorder's files is still a stick: the serial decides.
        var found = await IdentifyAsync(Usb("4C530001230517117294"), [RecorderFile]);

        Assert.Equal(ReasonCodes.UnregisteredDevice, found.Refusal!.Code);
        Assert.Contains("4C530001230517117294", found.Refusal.Message, StringComparison.Ordinal);
        Assert.Null(found.Device);
    }

    [Fact]
    public async Task Identify_NoSerialButFilesNamingOneRegisteredRecorder_IsThatRecorderByName()
    {
        var found = await IdentifyAsync(Usb(null), [RecorderFile, "DCIM/A123456_010203_20250301094500_0002.MP4"]);

        Assert.Null(found.Refusal);
        Assert.Equal(Identification.ByFileNames, found.Basis);
        Assert.Equal("A123456", found.Device!.Id.Value);
    }

    [Fact]
    public async Task Identify_OrdinaryStickWithoutSerial_IsRefused()
    {
        var found = await IdentifyAsync(Usb(null), ["notes.txt", "photos/holiday.jpg"]);

        Assert.Equal(ReasonCodes.UnregisteredDevice, found.Refusal!.Code);
    }

    [Fact]
    public async Task Identify_FilesOfSeveralRecorders_IsRefused()
    {
        _registry.Devices.Add(new Device(DeviceId.Parse("B765432"), null, null));

        var found = await IdentifyAsync(Usb(null), [RecorderFile, "DCIM/B765432_010203_20250301093015_0001.MP4"]);

        Assert.Equal(ReasonCodes.UnregisteredDevice, found.Refusal!.Code);
        Assert.Contains("several recorders", found.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identify_WatchedFolder_IsTrustedByConfiguration()
    {
        var found = await IdentifyAsync(new DockedDevice("w", "/srv/share", DockKind.WatchedFolder), ["notes.txt"]);

        Assert.Null(found.Refusal);
        Assert.Equal(Identification.ByConfiguration, found.Basis);
    }

    [Fact]
    public async Task Identify_UnregisteredWithRefusalOff_IsReadWithoutADevice()
    {
        var found = await _identity.IdentifyAsync(Usb("STICK1"), [], refuseUnregistered: false, CancellationToken.None);

        Assert.Null(found.Refusal);
        Assert.Null(found.Device);
    }

    private Task<Identification> IdentifyAsync(DockedDevice device, IEnumerable<string> paths) =>
        _identity.IdentifyAsync(device, [.. paths.Select(p => new SourceEntry(p, SourceEntryType.File, 10, DateTimeOffset.UnixEpoch))], refuseUnregistered: true, CancellationToken.None);

    private static DockedDevice Usb(string? serial) => new("k", "/media/ev/sdb1", DockKind.MassStorage, serial);
}
