namespace EvidenceVault.Devices.Station;

/// <summary>What the USB device behind a block device reports: its serial, its vendor:product, and the hub it is plugged into.</summary>
public sealed record UsbIdentity(string? Serial, string? VendorProduct, string Hub);

/// <summary>
/// Finds the USB device behind a mounted block device through sysfs: <c>/sys/dev/block/MAJ:MIN</c> links into the device
/// tree, and the nearest ancestor with <c>idVendor</c> is the USB device (its <c>serial</c> is what the registry knows);
/// that device's parent is the hub whose bandwidth it shares.
/// </summary>
public sealed class UsbSysfs(string sysRoot = "/sys")
{
    public UsbIdentity? Describe(string deviceNumber)
    {
        var link = Path.Combine(sysRoot, "dev", "block", deviceNumber);
        DirectoryInfo? directory;
        try
        {
            var target = new DirectoryInfo(link).ResolveLinkTarget(returnFinalTarget: true);
            directory = target is null ? new DirectoryInfo(link) : new DirectoryInfo(target.FullName);
        }
        catch (IOException)
        {
            return null;
        }

        for (; directory is not null && directory.FullName.StartsWith(Path.GetFullPath(sysRoot), StringComparison.Ordinal); directory = directory.Parent)
        {
            if (!File.Exists(Path.Combine(directory.FullName, "idVendor")))
            {
                continue;
            }

            var vendor = Read(directory, "idVendor");
            var product = Read(directory, "idProduct");
            var hub = directory.Parent is { } parent ? parent.Name : directory.Name;
            return new UsbIdentity(Read(directory, "serial"), vendor is null ? null : $"{vendor}:{product}", hub);
        }

        return null;
    }

    private static string? Read(DirectoryInfo directory, string attribute)
    {
        var path = Path.Combine(directory.FullName, attribute);
        try
        {
            return File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } value ? value : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
