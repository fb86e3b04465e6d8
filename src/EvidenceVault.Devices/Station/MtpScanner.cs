using EvidenceVault.Application.Station;
using EvidenceVault.Devices.Mtp;

namespace EvidenceVault.Devices.Station;

/// <summary>
/// MTP recorders, polled through libmtp. The bus and device number change on every plug, so they are in the key and a
/// re-plug is a new docking; the serial is what the registry knows. Devices on one USB bus share it as their "hub".
/// </summary>
public sealed class MtpScanner : IDockScanner
{
    public Task<IReadOnlyList<DockedDevice>> ScanAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<MtpDeviceInfo> devices;
        try
        {
            devices = MtpDevices.List();
        }
        catch (DllNotFoundException ex)
        {
            throw new InvalidOperationException("libmtp (Debian package libmtp9) is not installed, so MTP recorders cannot be read.", ex);
        }

        return Task.FromResult<IReadOnlyList<DockedDevice>>([.. devices.Select(d => new DockedDevice(
            $"mtp:{d.Bus}:{d.DeviceNumber}:{d.Serial}", d.Location, DockKind.Mtp, d.Serial, $"usb{d.Bus}"))]);
    }
}
