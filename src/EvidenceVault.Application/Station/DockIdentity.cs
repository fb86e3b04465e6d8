using EvidenceVault.Application.Registry;
using EvidenceVault.Application.Sources;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Naming;
using EvidenceVault.Domain.Registry;

namespace EvidenceVault.Application.Station;

/// <summary>Which registered recorder a docked device is, and on what basis; or why it is refused.</summary>
public sealed record Identification(Device? Device, string Basis, Reason? Refusal)
{
    public const string BySerial = "serial";
    public const string ByFileNames = "file-names";
    public const string ByConfiguration = "watched-folder";
    public const string Unidentified = "unidentified";
}

/// <summary>
/// Decides whether a docked device is a registered recorder. The hardware serial decides where there is one; else the
/// recorder profiles' reading of its file names must name exactly one registered device (a name is only a hint, so it
/// is never the device claimed for attribution). Watched folders are trusted by configuration.
/// </summary>
public sealed class DockIdentity(IRegistry registry, RecorderNameParser names)
{
    public async Task<Identification> IdentifyAsync(DockedDevice docked, IReadOnlyList<SourceEntry> entries, bool refuseUnregistered, CancellationToken cancellationToken)
    {
        if (docked.Kind == DockKind.WatchedFolder)
        {
            return new Identification(null, Identification.ByConfiguration, null);
        }

        var devices = (await registry.DevicesAsync(cancellationToken)).ToDictionary(d => d.Id.Value, StringComparer.Ordinal);
        if (docked.Serial is { } serial)
        {
            return devices.TryGetValue(serial, out var registered)
                ? new Identification(registered, Identification.BySerial, null)
                : Refuse(refuseUnregistered, $"The device's serial {serial} is not a registered recorder; ordinary USB storage is not read at a station (register it with `evidencevault devices add`).");
        }

        var named = entries
            .Where(e => e.Type == SourceEntryType.File)
            .Select(e => names.Parse(e.RelativePath)?.Device)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var known = named.Where(devices.ContainsKey).ToList();
        return (known, named.Count) switch
        {
            ([var only], 1) => new Identification(devices[only], Identification.ByFileNames, null),
            ([], _) => Refuse(refuseUnregistered, named.Count == 0
                ? "The device reports no serial and no file is named by a recorder profile: it is not a registered recorder, and ordinary USB storage is not read at a station."
                : $"The device reports no serial and its files name no registered recorder ({string.Join(", ", named.Take(3))}); register the recorder first."),
            _ => Refuse(refuseUnregistered, $"The files on this device name several recorders ({string.Join(", ", named.Take(5))}); one recorder is docked per bay, so nothing was read."),
        };
    }

    private static Identification Refuse(bool refuse, string message) =>
        new(null, Identification.Unidentified, refuse ? new Reason(ReasonCodes.UnregisteredDevice, message) : null);
}
