namespace EvidenceVault.Application.Station;

/// <summary>How a docked device reached the station.</summary>
public enum DockKind
{
    /// <summary>USB mass storage mounted under the station's mount root.</summary>
    MassStorage,

    /// <summary>A recorder that speaks MTP, read through libmtp.</summary>
    Mtp,

    /// <summary>A configured folder (network share, another tool's drop folder): trusted by configuration, not a recorder.</summary>
    WatchedFolder,
}

/// <summary>
/// A device (or folder) a scan found present. <paramref name="Key"/> is unique while it stays plugged in; a re-plug gets a
/// new key. <paramref name="Serial"/> is what the hardware reports (USB or MTP serial), null when nothing does;
/// <paramref name="Hub"/> groups devices that share one USB hub's bandwidth.
/// </summary>
public sealed record DockedDevice(
    string Key,
    string Location,
    DockKind Kind,
    string? Serial = null,
    string? Hub = null,
    string? MountOptions = null);

/// <summary>Finds the devices present now (one kind of device per adapter); the station diffs successive scans.</summary>
public interface IDockScanner
{
    Task<IReadOnlyList<DockedDevice>> ScanAsync(CancellationToken cancellationToken);
}
