using EvidenceVault.Application.Station;
using EvidenceVault.Devices.Station;

namespace EvidenceVault.Devices.Tests.Station;

/// <summary>The scanner over a mount table written as the kernel writes it, and a sysfs tree shaped like a real one.</summary>
public sealed class MountRootScannerTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("ev-mounts-").FullName;
    private readonly string _root;
    private readonly string _mountInfo;
    private readonly string _sys;

    public MountRootScannerTests()
    {
        _root = Directory.CreateDirectory(Path.Combine(_temp, "media", "ev")).FullName;
        _mountInfo = Path.Combine(_temp, "mountinfo");
        _sys = Path.Combine(_temp, "sys");
        UsbDevice("8:17", "usb1/1-1/1-1.3", "A123456", "sdb/sdb1");
        UsbDevice("8:33", "usb1/1-1/1-1.4", "B765432", "sdc/sdc1");
    }

    [Fact]
    public async Task Scan_MountsBelowTheRoot_AreDevicesWithTheirUsbSerialAndHub()
    {
        MountTableOf(
            "22 27 0:21 / /proc rw,relatime - proc proc rw",
            $"91 27 8:17 / {_root}/A123456 ro,nosuid,nodev,noexec,relatime - vfat /dev/sdb1 ro,fmask=0022",
            $"92 27 8:33 / {_root}/rec\\0402 ro,nosuid,nodev,noexec - exfat /dev/sdc1 ro",
            "93 27 8:49 / /media/other ro - vfat /dev/sdd1 ro");

        var devices = await Scanner().ScanAsync(CancellationToken.None);

        Assert.Equal(2, devices.Count);
        var first = devices[0];
        Assert.Equal($"{_root}/A123456", first.Location);
        Assert.Equal(("A123456", "1-1", DockKind.MassStorage), (first.Serial, first.Hub, first.Kind));
        Assert.Contains("noexec", first.MountOptions, StringComparison.Ordinal);
        Assert.Equal($"{_root}/rec 2", devices[1].Location); // \040 is a space in the kernel's table
        Assert.Equal("B765432", devices[1].Serial);
    }

    [Fact]
    public async Task Scan_SameMountPointMountedAgain_IsANewDocking()
    {
        MountTableOf($"91 27 8:17 / {_root}/sdb1 ro - vfat /dev/sdb1 ro");
        var before = Assert.Single(await Scanner().ScanAsync(CancellationToken.None));

        MountTableOf($"97 27 8:17 / {_root}/sdb1 ro - vfat /dev/sdb1 ro");
        var after = Assert.Single(await Scanner().ScanAsync(CancellationToken.None));

        Assert.Equal(before.Location, after.Location);
        Assert.NotEqual(before.Key, after.Key);
    }

    [Fact]
    public async Task Scan_MountInsideADockedMount_IsPartOfThatDevice()
    {
        MountTableOf(
            $"91 27 8:17 / {_root}/sdb1 ro - vfat /dev/sdb1 ro",
            $"95 91 0:50 / {_root}/sdb1/inner rw - tmpfs tmpfs rw");

        var device = Assert.Single(await Scanner().ScanAsync(CancellationToken.None));

        Assert.Equal($"{_root}/sdb1", device.Location);
    }

    [Fact]
    public async Task Scan_BlockDeviceWithoutUsbParent_HasNoSerial()
    {
        // A disk on SATA or a loop device: nothing says it is a recorder, so the station must decide by its files.
        Directory.CreateDirectory(Path.Combine(_sys, "devices", "virtual", "block", "loop0"));
        Directory.CreateDirectory(Path.Combine(_sys, "dev", "block"));
        File.CreateSymbolicLink(Path.Combine(_sys, "dev", "block", "7:0"), "../../devices/virtual/block/loop0");
        MountTableOf($"91 27 7:0 / {_root}/loop ro - ext4 /dev/loop0 ro");

        var device = Assert.Single(await Scanner().ScanAsync(CancellationToken.None));

        Assert.Null(device.Serial);
    }

    [Fact]
    public async Task Scan_FoldersAsDevices_EachFolderIsADeviceAndARecreatedOneIsNew()
    {
        MountTableOf("22 27 0:21 / /proc rw,relatime - proc proc rw");
        Directory.CreateDirectory(Path.Combine(_root, "rec1"));
        File.CreateSymbolicLink(Path.Combine(_root, "link"), "/etc");
        var scanner = new MountRootScanner(_root, foldersAsDevices: true, new UsbSysfs(_sys), _mountInfo);

        var before = Assert.Single(await scanner.ScanAsync(CancellationToken.None));
        Directory.Delete(Path.Combine(_root, "rec1"));
        Assert.Empty(await scanner.ScanAsync(CancellationToken.None));
        Directory.CreateDirectory(Path.Combine(_root, "rec1"));
        var after = (await scanner.ScanAsync(CancellationToken.None)).Single(d => d.Location.EndsWith("rec1", StringComparison.Ordinal));

        Assert.NotEqual(before.Key, after.Key);
        Assert.DoesNotContain(await scanner.ScanAsync(CancellationToken.None), d => d.Location.EndsWith("link", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_FolderStaysDocked_KeepsItsKeyAcrossScans()
    {
        MountTableOf("22 27 0:21 / /proc rw,relatime - proc proc rw");
        Directory.CreateDirectory(Path.Combine(_root, "rec1"));
        var scanner = new MountRootScanner(_root, foldersAsDevices: true, new UsbSysfs(_sys), _mountInfo);

        var first = Assert.Single(await scanner.ScanAsync(CancellationToken.None));
        Directory.CreateDirectory(Path.Combine(_root, "rec2"));
        var second = await scanner.ScanAsync(CancellationToken.None);

        Assert.Equal(first.Key, second.Single(d => d.Location == first.Location).Key);
        Assert.Equal(2, second.Select(d => d.Key).Distinct().Count());
    }

    [Fact]
    public async Task Scan_FolderRecreatedTwice_EachReturnIsANewDocking()
    {
        MountTableOf("22 27 0:21 / /proc rw,relatime - proc proc rw");
        var scanner = new MountRootScanner(_root, foldersAsDevices: true, new UsbSysfs(_sys), _mountInfo);
        var keys = new List<string>();

        for (var plug = 0; plug < 3; plug++)
        {
            Directory.CreateDirectory(Path.Combine(_root, "rec1"));
            keys.Add(Assert.Single(await scanner.ScanAsync(CancellationToken.None)).Key);
            Directory.Delete(Path.Combine(_root, "rec1"));
            Assert.Empty(await scanner.ScanAsync(CancellationToken.None));
        }

        Assert.Equal(3, keys.Distinct().Count());
    }

    [Fact]
    public async Task Scan_RealMountTable_ReadsWithoutError()
    {
        var scanner = new MountRootScanner(_root, foldersAsDevices: false, new UsbSysfs());

        Assert.Empty(await scanner.ScanAsync(CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private MountRootScanner Scanner() => new(_root, foldersAsDevices: false, new UsbSysfs(_sys), _mountInfo);

    private void MountTableOf(params string[] lines)
    {
        foreach (var line in lines)
        {
            var mountPoint = line.Split(' ')[4].Replace("\\040", " ", StringComparison.Ordinal);
            if (mountPoint.StartsWith(_root, StringComparison.Ordinal))
            {
                Directory.CreateDirectory(mountPoint);
            }
        }

        File.WriteAllLines(_mountInfo, lines);
    }

    /// <summary>/sys/devices/pci.../usb1/1-1/1-1.3 (idVendor, serial) → .../host/target/block/sdb/sdb1, linked from /sys/dev/block.</summary>
    private void UsbDevice(string deviceNumber, string usbPath, string serial, string block)
    {
        var usb = Directory.CreateDirectory(Path.Combine(_sys, "devices", "pci0000:00", "0000:00:14.0", usbPath)).FullName;
        File.WriteAllText(Path.Combine(usb, "idVendor"), "4c53\n");
        File.WriteAllText(Path.Combine(usb, "idProduct"), "0001\n");
        File.WriteAllText(Path.Combine(usb, "serial"), serial + "\n");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(usb)!, "idVendor"), "05e3\n"); // the hub
        var blockDevice = Directory.CreateDirectory(Path.Combine(usb, "1-1.3:1.0", "host2", "target2:0:0", "2:0:0:0", "block", block)).FullName;
        Directory.CreateDirectory(Path.Combine(_sys, "dev", "block"));
        File.CreateSymbolicLink(Path.Combine(_sys, "dev", "block", deviceNumber), Path.GetRelativePath(Path.Combine(_sys, "dev", "block"), blockDevice));
    }
}
