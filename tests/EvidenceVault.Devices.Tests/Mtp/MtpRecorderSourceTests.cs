using System.Text.Json;
using EvidenceVault.Application.Sources;
using EvidenceVault.Devices.Mtp;

namespace EvidenceVault.Devices.Tests.Mtp;

/// <summary>
/// Real libmtp against recorded traffic of QEMU's emulated usb-mtp device (Fixtures/Mtp, from
/// tools/record-mtp-fixtures.sh). Each test replays one scenario in a child process under umockdev-run.
/// </summary>
public sealed class MtpRecorderSourceTests
{
    private const string QemuSerial = "0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task List_ReplayedRecorder_FindsItsSerialAndModel()
    {
        var result = await MtpReplay.ScenarioAsync("detect", "detect");

        var device = Assert.Single(result.EnumerateArray());
        Assert.Equal(QemuSerial, device.GetProperty("serial").GetString());
        Assert.Equal("QEMU", device.GetProperty("manufacturer").GetString());
        Assert.Equal("QEMU filesharing", device.GetProperty("model").GetString());
        Assert.Equal("mtp:" + QemuSerial, device.GetProperty("location").GetString());
        Assert.Equal(0x46f4, device.GetProperty("vendorId").GetInt32());
    }

    [Fact]
    public async Task EnumerateAsync_ReplayedRecorder_ListsEveryFileInOrdinalOrder()
    {
        var result = await MtpReplay.ScenarioAsync("walk", "walk", "mtp:");

        var entries = result.GetProperty("entries").EnumerateArray().ToList();
        var expected = MtpReplay.ExpectedDigests().Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, entries.Select(e => e.GetProperty("path").GetString()));
        Assert.All(entries, e => Assert.Equal(nameof(SourceEntryType.File), e.GetProperty("type").GetString()));
        Assert.All(entries, e => Assert.True(e.GetProperty("length").GetInt64() > 0));
        Assert.Equal("mtp:" + QemuSerial, result.GetProperty("location").GetString());
    }

    [Fact]
    public async Task OpenReadAsync_ReplayedRecorder_BytesHashToTheRecordedDigests()
    {
        var result = await MtpReplay.ScenarioAsync("walk", "walk", "mtp:");

        var files = result.GetProperty("files").EnumerateArray().ToList();
        var lengths = result.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("length").GetInt64());
        Assert.Equal(MtpReplay.ExpectedDigests(), files.ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("sha256").GetString()!));
        Assert.All(files, f => Assert.Equal(lengths[f.GetProperty("path").GetString()!], f.GetProperty("length").GetInt64()));
        Assert.All(files, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("error").ValueKind));
    }

    [Fact]
    public async Task DeleteAsync_AfterVerify_RemovesEveryFileFromTheDevice()
    {
        var result = await MtpReplay.ScenarioAsync("secure", "secure", "mtp:", Path.Combine(MtpReplay.Fixtures, "expected.sha256"));

        var files = result.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(MtpReplay.ExpectedDigests().Count, files.Count);
        Assert.All(files, f => Assert.True(f.GetProperty("deleted").GetBoolean(), f.GetProperty("path").GetString()));
        Assert.Empty(result.GetProperty("after").EnumerateArray());
    }

    [Fact]
    public async Task OpenReadAsync_UnpluggedMidTransfer_IsTypedIOExceptionAndNothingIsDeleted()
    {
        // The first (largest) file's transfer gets a USB protocol error half-way, as when the recorder is pulled out.
        var result = await MtpReplay.ScenarioAsync("unplugged", "secure", "mtp:", Path.Combine(MtpReplay.Fixtures, "expected.sha256"));

        var files = result.GetProperty("files").EnumerateArray().ToList();
        var first = files[0].GetProperty("error");
        Assert.Equal(nameof(MtpTransferException), first.GetProperty("type").GetString());
        Assert.True(first.GetProperty("isIOException").GetBoolean());
        Assert.Contains("PTP I/O Error", first.GetProperty("message").GetString(), StringComparison.Ordinal); // libmtp's error stack
        Assert.All(files, f => Assert.False(f.GetProperty("deleted").GetBoolean(), f.GetProperty("path").GetString()));
        Assert.All(files, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("sha256").ValueKind));
    }

    [Fact]
    public async Task IngestCommand_ReplayedRecorder_StoresEveryFileWithItsDigest()
    {
        var data = Directory.CreateTempSubdirectory("ev-mtp-ingest-").FullName;
        try
        {
            var (exit, json) = await MtpReplay.CliAsync("ingest", "--data", data, "ingest", "mtp:", "--defer-media", "--json");

            var items = json.GetProperty("items").EnumerateArray().ToList();
            Assert.True(exit == 0, $"exit {exit}: {json}");
            Assert.All(items, i => Assert.Equal("stored", i.GetProperty("status").GetString()));
            Assert.All(items, i => Assert.False(i.GetProperty("wiped").GetBoolean()));
            Assert.Equal(MtpReplay.ExpectedDigests(), items.ToDictionary(i => i.GetProperty("path").GetString()!, i => i.GetProperty("sha256").GetString()!));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task IngestCommand_UnpluggedMidTransfer_MarksTheFileFailedAndWipesNothing()
    {
        var data = Directory.CreateTempSubdirectory("ev-mtp-ingest-").FullName;
        try
        {
            var (exit, json) = await MtpReplay.CliAsync("ingest-unplugged", "--data", data, "ingest", "mtp:", "--defer-media", "--wipe", "--json");

            var items = json.GetProperty("items").EnumerateArray().ToList();
            Assert.NotEqual(0, exit);
            Assert.Equal(MtpReplay.ExpectedDigests().Count, items.Count);
            Assert.All(items, i => Assert.Equal("failed", i.GetProperty("status").GetString()));
            Assert.All(items, i => Assert.False(i.GetProperty("wiped").GetBoolean()));
            var reason = items[0].GetProperty("reasons")[0];
            Assert.Equal("source-unreadable", reason.GetProperty("code").GetString());
            Assert.Contains("PTP I/O Error", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Open_NoSuchSerial_ThrowsRecorderSourceException()
    {
        // This machine has no MTP device (nor a replay in this process): the real detection finds nothing.
        var error = Assert.Throws<RecorderSourceException>(() => new RecorderSourceFactory().Open("mtp:NOT-CONNECTED"));

        Assert.StartsWith("No MTP device is connected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void List_NoDeviceConnected_IsEmpty() => Assert.Empty(MtpDevices.List());

    [Fact]
    public void Open_FolderLocation_IsMassStorage()
    {
        var folder = Directory.CreateTempSubdirectory("ev-factory-").FullName;
        try
        {
            Assert.IsType<MassStorageRecorderSource>(new RecorderSourceFactory().Open(folder));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
