using System.Collections.Concurrent;
using EvidenceVault.Application.Sources;

namespace EvidenceVault.Devices.Mtp;

/// <summary>
/// A connected MTP device as a station sees it when polling for plug and unplug. Bus and DeviceNumber name its
/// /dev/bus/usb node and change on every replug; the serial is what stays.
/// </summary>
public sealed record MtpDeviceInfo(string Serial, string? Manufacturer, string? Model, uint Bus, byte DeviceNumber, ushort VendorId, ushort ProductId)
{
    /// <summary>The location that opens this device as a recorder source.</summary>
    public string Location => MtpDevices.Scheme + Serial;
}

/// <summary>
/// Finds MTP devices and opens them. libmtp is not thread-safe across one device, and detection probes every
/// USB device, so detection and opening take one process-wide gate; each opened device then has its own gate
/// (<see cref="MtpSession"/>). A device this process already holds open is reported from its session and never
/// opened a second time: a second OpenSession on the same device would end the first one.
/// </summary>
public static class MtpDevices
{
    public const string Scheme = "mtp:";

    private static readonly SemaphoreSlim DetectGate = new(1, 1);
    private static readonly ConcurrentDictionary<(uint Bus, byte Device), MtpDeviceInfo> Held = new();

    /// <summary>Whether a location names an MTP device (<c>mtp:&lt;serial&gt;</c>, or <c>mtp:</c> for the only one).</summary>
    public static bool IsMtpLocation(string location) => location.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every MTP device connected now, with the serial, manufacturer and model it reports.</summary>
    public static IReadOnlyList<MtpDeviceInfo> List()
    {
        var found = new List<MtpDeviceInfo>();
        WithRawDevices(raw =>
        {
            var key = (raw.BusLocation, raw.DeviceNumber);
            if (Held.TryGetValue(key, out var held))
            {
                found.Add(held);
                return false;
            }

            using var device = TryOpen(raw, out _);
            if (device is not null)
            {
                found.Add(Describe(device, raw));
            }

            return false;
        });
        return found;
    }

    /// <summary>Opens the device a location names and keeps it open (and claimed) until the session is disposed.</summary>
    internal static MtpSession Open(string location)
    {
        var serial = location[Scheme.Length..].Trim();
        MtpSession? session = null;
        var seen = new List<string>();
        var raws = 0;
        WithRawDevices(raw =>
        {
            raws++;
            if (Held.TryGetValue((raw.BusLocation, raw.DeviceNumber), out var held))
            {
                // A station holds one device per bay: another bay's device is skipped, never opened a second time.
                if (serial.Length > 0 && !string.Equals(held.Serial, serial, StringComparison.OrdinalIgnoreCase))
                {
                    seen.Add(held.Serial);
                    return false;
                }

                throw new RecorderSourceException($"The MTP device on bus {raw.BusLocation} device {raw.DeviceNumber} is already open in this process; finish that ingest first.");
            }

            var device = TryOpen(raw, out var problem) ?? throw new RecorderSourceException($"The MTP device on bus {raw.BusLocation} device {raw.DeviceNumber} cannot be opened: {problem}");
            var info = Describe(device, raw);
            if (serial.Length > 0 && !string.Equals(info.Serial, serial, StringComparison.OrdinalIgnoreCase))
            {
                seen.Add(info.Serial);
                device.Dispose();
                return false;
            }

            Held[(raw.BusLocation, raw.DeviceNumber)] = info;
            session = new MtpSession(device, info, () => Held.TryRemove((raw.BusLocation, raw.DeviceNumber), out _));
            return true;
        }, stopAfterFirst: serial.Length == 0, requireSingle: serial.Length == 0);

        return session ?? throw new RecorderSourceException(raws == 0
            ? "No MTP device is connected (is another program, such as gvfs, holding it?)."
            : $"No connected MTP device has serial '{serial}' (found: {string.Join(", ", seen)}).");
    }

    private static MtpDeviceInfo Describe(MtpDeviceHandle device, LibMtp.RawDevice raw)
    {
        // Without a serial there is nothing stable to name the device by; bus/device numbers change on every replug.
        var serial = LibMtp.Owned(LibMtp.GetSerialNumber(device));
        var manufacturer = LibMtp.Owned(LibMtp.GetManufacturerName(device));
        var model = LibMtp.Owned(LibMtp.GetModelName(device));
        return new MtpDeviceInfo(
            string.IsNullOrWhiteSpace(serial) ? $"bus{raw.BusLocation}-dev{raw.DeviceNumber}" : serial.Trim(),
            manufacturer?.Trim(), model?.Trim(), raw.BusLocation, raw.DeviceNumber, raw.VendorId, raw.ProductId);
    }

    private static unsafe MtpDeviceHandle? TryOpen(LibMtp.RawDevice raw, out string problem)
    {
        var device = LibMtp.OpenRawDeviceUncached(&raw);
        if (device.IsInvalid)
        {
            device.Dispose();
            problem = "libmtp could not open an MTP session (unplugged, or claimed by another program)";
            return null;
        }

        problem = string.Empty;
        return device;
    }

    /// <summary>Runs <paramref name="each"/> over a copy of every raw device (stopping when it returns true), under the detection gate.</summary>
    private static unsafe void WithRawDevices(Func<LibMtp.RawDevice, bool> each, bool stopAfterFirst = false, bool requireSingle = false)
    {
        LibMtp.EnsureInitialized();
        DetectGate.Wait();
        LibMtp.RawDevice* devices = null;
        try
        {
            var count = 0;
            var rc = LibMtp.DetectRawDevices(&devices, &count);
            if (rc == LibMtp.ErrorNoDeviceAttached)
            {
                return;
            }

            if (rc != LibMtp.ErrorNone)
            {
                throw new RecorderSourceException($"Listing MTP devices failed (libmtp error {rc}).");
            }

            if (requireSingle && count > 1)
            {
                throw new RecorderSourceException($"{count} MTP devices are connected; name one as mtp:<serial> (see the device list).");
            }

            for (var i = 0; i < count; i++)
            {
                // A copy: libmtp keeps its own copy of the raw device once opened, so the array can be freed below.
                if (each(devices[i]) || stopAfterFirst)
                {
                    return;
                }
            }
        }
        finally
        {
            if (devices != null)
            {
                LibMtp.Free((nint)devices);
            }

            DetectGate.Release();
        }
    }
}
