using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Export;

/// <summary>One evidence file in a package and what the catalog knows about it.</summary>
public sealed record PackageItem(PackagedFile File, string Role, RecordingEntry Recording, RecordingLink Link);

/// <summary>The package's description of its evidence: <c>data/manifest.json</c> for tools, <c>data/manifest.csv</c> for people.</summary>
public static class PackageManifest
{
    public const string JsonPath = "data/manifest.json";
    public const string CsvPath = "data/manifest.csv";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] CsvHeader =
        ["path", "role", "recording_id", "sha256", "sm3", "size_bytes", "kind", "format", "device_id", "officer_id", "recorded_at", "stage", "document_type", "source_path"];

    public static string Json(EnforcementCase exported, string actor, DateTimeOffset at, string? grantId, IEnumerable<PackageItem> items, IEnumerable<RecordingEntry> destroyed) => JsonSerializer.Serialize(
        new
        {
            format = "EvidenceVault export package 1 (BagIt 1.0)",
            @case = new { number = exported.Number.Value, type = exported.Type.ToString(), party = exported.Party, title = exported.Title, status = exported.Status.ToString().ToLowerInvariant() },
            exportedAt = Time(at),
            exportedBy = actor,
            grantId,
            files = items.Select(i => new
            {
                path = i.File.Path,
                role = i.Role,
                recordingId = i.Recording.Id.Value,
                sha256 = i.File.Sha256,
                sm3 = i.Role == Original ? i.Recording.Sm3?.Hex : null,
                sizeBytes = i.File.Length,
                kind = i.Recording.Kind.ToString().ToLowerInvariant(),
                format = i.Recording.Format,
                deviceId = i.Recording.Device?.Value,
                officerId = i.Recording.Officer?.Value,
                recordedAt = Time(i.Recording.RecordedAt),
                stage = i.Link.Stage.ToString().ToLowerInvariant(),
                documentType = i.Link.DocumentType,
                linkOrigin = i.Link.Origin.ToString().ToLowerInvariant(),
                linkReason = i.Link.Reason,
                sourcePath = i.Recording.SourcePath,
                originalSha256 = i.Recording.Sha256.Hex,
            }),
            destroyed = destroyed.Select(r => new { recordingId = r.Id.Value, sha256 = r.Sha256.Hex, sizeBytes = r.SizeBytes, destroyedAt = Time(r.DestroyedAt) }),
        },
        Options) + "\n";

    /// <summary>UTF-8 with a byte-order mark so spreadsheet programs show Chinese names; every field quoted.</summary>
    public static string Csv(IEnumerable<PackageItem> items)
    {
        var csv = new StringBuilder("\uFEFF").AppendJoin(',', CsvHeader.Select(Field)).Append("\r\n");
        foreach (var i in items)
        {
            string?[] row =
            [
                i.File.Path, i.Role, i.Recording.Id.Value, i.File.Sha256, i.Role == Original ? i.Recording.Sm3?.Hex : null,
                i.File.Length.ToString(CultureInfo.InvariantCulture), i.Recording.Kind.ToString().ToLowerInvariant(), i.Recording.Format,
                i.Recording.Device?.Value, i.Recording.Officer?.Value, Time(i.Recording.RecordedAt), i.Link.Stage.ToString().ToLowerInvariant(),
                i.Link.DocumentType, i.Recording.SourcePath,
            ];
            csv.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        return csv.ToString();
    }

    public const string Original = "original";
    public const string Proxy = "proxy";

    /// <summary>A redacted copy exported in place of the original under a grant for redacted copies only.</summary>
    public const string Redacted = "redacted";

    /// <summary>
    /// Quoted, quotes doubled, and a leading quote mark before anything a spreadsheet would run as a formula,
    /// because source names come from recorders and people.
    /// </summary>
    private static string Field(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string? Time(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
