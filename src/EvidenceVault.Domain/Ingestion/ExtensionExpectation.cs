using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Ingestion;

/// <summary>What a file name's extension claims, to compare with what the content is.</summary>
public static class ExtensionExpectation
{
    private static readonly Dictionary<string, RecordingKind> Claims = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = RecordingKind.Video,
        [".mov"] = RecordingKind.Video,
        [".avi"] = RecordingKind.Video,
        [".mkv"] = RecordingKind.Video,
        [".ts"] = RecordingKind.Video,
        [".mts"] = RecordingKind.Video,
        [".3gp"] = RecordingKind.Video,
        [".flv"] = RecordingKind.Video,
        [".m4v"] = RecordingKind.Video,
        [".wav"] = RecordingKind.Audio,
        [".mp3"] = RecordingKind.Audio,
        [".aac"] = RecordingKind.Audio,
        [".amr"] = RecordingKind.Audio,
        [".m4a"] = RecordingKind.Audio,
        [".flac"] = RecordingKind.Audio,
        [".ogg"] = RecordingKind.Audio,
        [".jpg"] = RecordingKind.Photo,
        [".jpeg"] = RecordingKind.Photo,
        [".png"] = RecordingKind.Photo,
        [".heic"] = RecordingKind.Photo,
        [".gif"] = RecordingKind.Photo,
        [".bmp"] = RecordingKind.Photo,
        [".tif"] = RecordingKind.Photo,
        [".tiff"] = RecordingKind.Photo,
        [".webp"] = RecordingKind.Photo,
        [".pdf"] = RecordingKind.Text,
        [".txt"] = RecordingKind.Text,
        [".doc"] = RecordingKind.Text,
        [".docx"] = RecordingKind.Text,
        [".xls"] = RecordingKind.Text,
        [".xlsx"] = RecordingKind.Text,
        [".rtf"] = RecordingKind.Text,
        [".csv"] = RecordingKind.Text,
        [".log"] = RecordingKind.Text,
        [".xml"] = RecordingKind.Text,
        [".json"] = RecordingKind.Text,
    };

    /// <summary>Every extension whose kind we know, for telling a client what it may send.</summary>
    public static IEnumerable<string> KnownExtensions => Claims.Keys;

    /// <summary>The kind the extension claims, or null when the extension claims nothing we know.</summary>
    public static RecordingKind? ClaimedKind(string fileName) =>
        Claims.TryGetValue(Path.GetExtension(fileName), out var kind) ? kind : null;

    /// <summary>
    /// A mismatch when the content is a known format of a different kind than the name claims.
    /// Audio inside a video container (an .mp4 holding only sound) is not a mismatch.
    /// </summary>
    public static bool IsMismatch(RecordingKind claimed, DetectedContent detected) =>
        detected.IsKnown && claimed != detected.Kind
        && !(claimed == RecordingKind.Video && detected.Kind == RecordingKind.Audio)
        && !(claimed == RecordingKind.Audio && detected.Format is "mp4" or "3gp");
}
