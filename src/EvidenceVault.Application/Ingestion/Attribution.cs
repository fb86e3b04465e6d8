using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Ingestion;

/// <summary>
/// How well founded a sighting's device and officer are, weakest first. A later sighting of the same bytes with a
/// better basis replaces the recording's (whichever copy came first), never a weaker one.
/// </summary>
public enum AttributionBasis
{
    /// <summary>Nothing says who recorded it.</summary>
    None,

    /// <summary>A recorder profile parsed the name: a hint that anyone who can rename a file can forge.</summary>
    Name,

    /// <summary>An officer's own upload: attributed to the signed-in uploader, whatever its name or metadata claim.</summary>
    Uploader,

    /// <summary>Declared by someone who may attribute for others: the dock's operator, a station, an archivist or an administrator.</summary>
    Declared,

    /// <summary>The registry's binding of the device at the recording time.</summary>
    DeviceBinding,
}

/// <summary>
/// Marks an ingest as an officer's own upload: the recording is attributed to <see cref="Officer"/> (the uploader's
/// officer number, null when they have none), and the options' device and officer are only the uploader's claims.
/// </summary>
public sealed record UploaderAttribution(OfficerId? Officer);

/// <summary>Where a recording time came from (<see cref="Catalog.RecordingEntry.RecordedAtSource"/>), and which source is better founded.</summary>
public static class RecordedTimeSource
{
    public const string Container = "container";
    public const string FileSystem = "file-system";
    private const string NamePrefix = "name:";

    public static string Name(string profile) => NamePrefix + profile;

    /// <summary>File-system time, then container metadata, then a name a recorder profile parsed.</summary>
    public static int Rank(string? source) => source switch
    {
        FileSystem or null => 0,
        _ when source.StartsWith(NamePrefix, StringComparison.Ordinal) => 2,
        _ => 1,
    };
}
