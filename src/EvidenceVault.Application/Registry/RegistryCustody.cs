using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Registry;

namespace EvidenceVault.Application.Registry;

/// <summary>
/// Custody entries of registry changes made both one at a time and by CSV import; they carry every column, so
/// <c>audit verify</c> can compare each device and binding row with the last entry written for it.
/// </summary>
public static class RegistryCustody
{
    public static CustodyEntry DeviceSaved(this CustodyEntries custody, Device device, string? source = null) =>
        custody.Entry(device.Id.Value, new DeviceSavedDetails(device.Model, device.Unit, source));

    public static CustodyEntry DeviceBound(this CustodyEntries custody, BindingChange change, string? source = null)
    {
        var b = change.Binding;
        return custody.Entry(b.Device.Value, new DeviceBoundDetails(b.Id, b.Officer.Value, b.From, b.To, change.Closed, source));
    }
}
