using System.Globalization;
using System.Text;
using EvidenceVault.Application.Sources;

namespace EvidenceVault.Application.Station;

/// <summary>A recorder's clock against the station's at docking: the offset, or why there is none.</summary>
public sealed record ClockReading(double? OffsetSeconds, string Source)
{
    private const int MaxClockFileBytes = 4096;
    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss", "yyyyMMddHHmmss"];

    /// <summary>
    /// Reads the vendor clock file where the model writes one. MTP recorders: libmtp exposes no device clock (that
    /// needs libgphoto2's datetime or a vendor SDK), so their offset is unknown unless they also write the file.
    /// </summary>
    public static async Task<ClockReading> ReadAsync(
        IRecorderSource source, IReadOnlyList<SourceEntry> entries, DockKind kind, string? clockFile, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (kind == DockKind.WatchedFolder)
        {
            return new ClockReading(null, "offset unknown: a watched folder is not a recorder");
        }

        var entry = clockFile is null ? null : entries.FirstOrDefault(e => e.Type == SourceEntryType.File && string.Equals(e.RelativePath, clockFile, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return new ClockReading(null, kind == DockKind.Mtp
                ? "offset unknown: MTP exposes no device clock and the recorder wrote no clock file"
                : clockFile is null ? "offset unknown: no clock file is configured for this station" : $"offset unknown: the recorder has no {clockFile}");
        }

        if (entry.Length is <= 0 or > MaxClockFileBytes)
        {
            return new ClockReading(null, $"offset unknown: {entry.RelativePath} is {entry.Length} bytes, not a clock reading");
        }

        string text;
        await using (var stream = await source.OpenReadAsync(entry, cancellationToken))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            text = (await reader.ReadToEndAsync(cancellationToken)).Trim();
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withZone) && HasOffset(text))
        {
            return new ClockReading(Math.Round((withZone - now).TotalSeconds, 3), $"clock-file:{entry.RelativePath}");
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var deviceTime = new DateTimeOffset(local, zone.GetUtcOffset(local));
            return new ClockReading(Math.Round((deviceTime - now).TotalSeconds, 3), $"clock-file:{entry.RelativePath}");
        }

        return new ClockReading(null, $"offset unknown: {entry.RelativePath} does not hold a time ('{Shorten(text)}')");
    }

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':';

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
