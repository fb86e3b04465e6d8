using System.Globalization;
using System.Text.RegularExpressions;

namespace EvidenceVault.Domain.Naming;

/// <summary>Reads device, officer, time and mark from a recorder file's relative path using the first matching profile.</summary>
public sealed class RecorderNameParser
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private readonly IReadOnlyList<(RecorderProfile Profile, Regex File, Regex? Folder)> _profiles;
    private readonly TimeZoneInfo _localZone;

    public RecorderNameParser(IEnumerable<RecorderProfile> profiles, TimeZoneInfo localZone)
    {
        _localZone = localZone;
        _profiles = profiles
            .Select(p => (p, Compile(p.FilePattern), p.FolderPattern is null ? null : Compile(p.FolderPattern)))
            .ToList();
    }

    /// <summary>Parses a '/'-separated path relative to the recorder's root; null when no profile matches.</summary>
    public ParsedName? Parse(string relativePath)
    {
        var segments = relativePath.Split('/');
        var fileName = segments[^1];
        var folderName = segments.Length > 1 ? segments[^2] : string.Empty;
        foreach (var (profile, fileRegex, folderRegex) in _profiles)
        {
            var file = fileRegex.Match(fileName);
            if (!file.Success)
            {
                continue;
            }

            var folder = folderRegex?.Match(folderName);
            if (folderRegex is not null && folder is { Success: false })
            {
                continue;
            }

            string? Group(string name) =>
                file.Groups[name] is { Success: true } g ? g.Value : folder?.Groups[name] is { Success: true } f ? f.Value : null;

            if (!TryReadTime(profile, Group, out var recordedAt))
            {
                continue;
            }

            return new ParsedName(
                profile.Name,
                Group("device"),
                Group("officer"),
                recordedAt,
                Group("seq") is { } seq ? int.Parse(seq, CultureInfo.InvariantCulture) : null,
                Group("mark") is { } mark ? int.Parse(mark, CultureInfo.InvariantCulture) : null,
                Group("id"));
        }

        return null;
    }

    private bool TryReadTime(RecorderProfile profile, Func<string, string?> group, out DateTimeOffset? recordedAt)
    {
        recordedAt = null;
        var text = group("time");
        var format = profile.TimeFormat;
        if (text is null && group("date") is { } date && group("clock") is { } clock)
        {
            (text, format) = (date + clock, "yyyyMMddHHmmss");
        }

        if (text is null)
        {
            return true;
        }

        if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            // A name that looks right but carries an impossible time (month 13) does not match the profile.
            return false;
        }

        recordedAt = profile.Clock == NameClock.Utc
            ? new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), TimeSpan.Zero)
            : new DateTimeOffset(wallClock, _localZone.GetUtcOffset(wallClock));
        return true;
    }

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
}
