using EvidenceVault.Application.Station;

namespace EvidenceVault.Devices.Station;

/// <summary>
/// Recorders that present as USB mass storage: every mount below the mount root (read from the kernel's mount table, so
/// whoever mounted it — udisks, systemd automount, the station's own udev rule) is a docked device, identified by the USB
/// serial sysfs gives for its block device. With <c>foldersAsDevices</c> each folder directly under the root counts too.
/// A mount's key carries the kernel's mount id, so an unplug and re-plug is a new docking even at the same path.
/// </summary>
public sealed class MountRootScanner(string mountRoot, bool foldersAsDevices, UsbSysfs sysfs, string mountInfoPath = "/proc/self/mountinfo") : IDockScanner
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(mountRoot));
    private readonly FolderDockings _folders = new();

    public Task<IReadOnlyList<DockedDevice>> ScanAsync(CancellationToken cancellationToken)
    {
        var below = MountTable.Read(mountInfoPath)
            .Where(m => m.MountPoint.StartsWith(_root + "/", StringComparison.Ordinal))
            .GroupBy(m => m.MountPoint, StringComparer.Ordinal)
            .Select(g => g.MaxBy(m => m.Id)!) // the mount on top is the one a path reaches
            .ToList();

        // A mount inside another docked mount is part of that device, not a device of its own.
        var devices = below
            .Where(m => !below.Any(o => o != m && m.MountPoint.StartsWith(o.MountPoint + "/", StringComparison.Ordinal)))
            .Select(Mounted)
            .ToList();

        if (foldersAsDevices && Directory.Exists(_root))
        {
            var mounted = devices.Select(d => d.Location).ToHashSet(StringComparer.Ordinal);
            var folders = new DirectoryInfo(_root).EnumerateDirectories()
                .Where(d => d.LinkTarget is null && !mounted.Contains(d.FullName))
                .Select(d => (Folder: d, Facts: NoFollow.Describe(d.FullName)))
                .Where(f => f.Facts is not null)
                .ToDictionary(f => f.Folder.FullName, f => $"folder:{f.Facts!.Identity.Device}:{f.Facts.Identity.Inode}:{f.Folder.FullName}", StringComparer.Ordinal);
            devices.AddRange(_folders.Observe(folders).Select(p => new DockedDevice(p.Value, p.Key, DockKind.MassStorage)));
        }

        return Task.FromResult<IReadOnlyList<DockedDevice>>([.. devices.OrderBy(d => d.Location, StringComparer.Ordinal)]);
    }

    private DockedDevice Mounted(MountEntry mount)
    {
        var usb = sysfs.Describe(mount.DeviceNumber);
        return new DockedDevice($"mount:{mount.Id}:{mount.MountPoint}", mount.MountPoint, DockKind.MassStorage, usb?.Serial, usb?.Hub, mount.Options);
    }
}
