namespace EvidenceVault.Domain.Naming;

/// <summary>How the recorder's clock in a name is to be read.</summary>
public enum NameClock
{
    /// <summary>Local wall-clock time in the configured zone (default Asia/Shanghai).</summary>
    Local,

    /// <summary>Coordinated universal time.</summary>
    Utc,
}

/// <summary>
/// A recorder naming convention, as data. Patterns are .NET regular expressions with named groups:
/// <c>device</c>, <c>officer</c>, <c>seq</c>, <c>mark</c>, <c>id</c>, and the time either as <c>time</c>
/// in <see cref="TimeFormat"/> or as <c>date</c> (yyyyMMdd) plus <c>clock</c> (HHmmss). Groups from the
/// file-name pattern win over groups from the folder pattern.
/// </summary>
public sealed record RecorderProfile(
    string Name,
    string FilePattern,
    string? FolderPattern,
    NameClock Clock,
    string TimeFormat = "yyyyMMddHHmmss")
{
    /// <summary>GA/T 947-style: <c>&lt;device:7&gt;_&lt;officer:6&gt;_&lt;yyyyMMddHHmmss&gt;_&lt;seq&gt;[_&lt;mark&gt;].ext</c>, local time.</summary>
    public static readonly RecorderProfile GaT947 = new(
        "gat947",
        @"^(?<device>[A-Za-z0-9]{7})_(?<officer>\d{6})_(?<time>\d{14})_(?<seq>\d{1,6})(?:_(?<mark>[1-5]))?\.[A-Za-z0-9]{1,5}$",
        null,
        NameClock.Local);

    /// <summary>Axis-style: folder <c>&lt;userId&gt;_&lt;deviceId&gt;_&lt;yyyyMMdd&gt;_&lt;HHmmss&gt;/</c>, file <c>&lt;yyyyMMdd&gt;_&lt;HHmmss&gt;_&lt;id&gt;.ext</c>, UTC.</summary>
    public static readonly RecorderProfile Axis = new(
        "axis",
        @"^(?<date>\d{8})_(?<clock>\d{6})_(?<id>[A-Za-z0-9-]+)\.[A-Za-z0-9]{1,5}$",
        @"^(?<officer>[^_]+)_(?<device>[^_]+)_\d{8}_\d{6}$",
        NameClock.Utc);

    public static IReadOnlyList<RecorderProfile> BuiltIn { get; } = [GaT947, Axis];
}
