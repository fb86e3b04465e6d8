using System.Text.Json;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Export;

/// <summary>
/// What <c>data/manifest.json</c> says a package holds, read back for checking: the case, each file's recording and
/// hashes, the destroyed recordings. Parsed defensively, since a package may come from anyone.
/// </summary>
internal sealed record PackageContents(string? Case, IReadOnlyList<PackageContents.FileFacts> Files, IReadOnlyList<PackageContents.DestroyedFacts> Destroyed)
{
    public sealed record FileFacts(string? Path, string? Role, string? RecordingId, string? Sha256, string? OriginalSha256);

    public sealed record DestroyedFacts(string? RecordingId, string? Sha256);

    /// <summary>The custody subjects the package exports: its case and every recording it names.</summary>
    public IEnumerable<string> Subjects =>
        Files.Select(f => f.RecordingId).Concat(Destroyed.Select(d => d.RecordingId)).Prepend(Case).OfType<string>().Distinct(StringComparer.Ordinal);

    public static PackageContents? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var number = root.TryGetProperty("case", out var c) && c.ValueKind == JsonValueKind.Object ? Text(c, "number") : null;
            return new PackageContents(
                number,
                [.. Items(root, "files").Select(f => new FileFacts(Text(f, "path"), Text(f, "role"), Text(f, "recordingId"), Text(f, "sha256"), Text(f, "originalSha256")))],
                [.. Items(root, "destroyed").Select(d => new DestroyedFacts(Text(d, "recordingId"), Text(d, "sha256")))]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A recording id is the first characters of the recording's SHA-256. Checking that for every file name and every
    /// manifest row means a file cannot be passed off as another recording by renaming it, whatever was re-hashed.
    /// <paramref name="payload"/> is the payload manifest (path to SHA-256), already checked against the bytes.
    /// </summary>
    public static IEnumerable<PackageProblem> IdentityProblems(IReadOnlyDictionary<string, string> payload, PackageContents? contents)
    {
        const string OriginalsFolder = "data/originals/";
        foreach (var (path, sha256) in payload.Where(e => e.Key.StartsWith(OriginalsFolder, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!IsIdOf(NamedId(path), sha256))
            {
                yield return new PackageProblem(path, "identity", $"named for recording {NamedId(path)}, but its SHA-256 is {sha256}: a recording id is the first {RecordingId.Length} hex characters of its SHA-256");
            }
        }

        foreach (var file in contents?.Files ?? [])
        {
            var ok = IsIdOf(file.RecordingId, file.OriginalSha256) && file.Path is not null && NamedId(file.Path) == file.RecordingId
                && (file.Role != PackageManifest.Original || (file.Sha256 == file.OriginalSha256 && payload.TryGetValue(file.Path, out var listed) && listed == file.Sha256));
            if (!ok)
            {
                yield return new PackageProblem(PackageManifest.JsonPath, "identity", $"the row for {file.Path} names recording {file.RecordingId} with original SHA-256 {file.OriginalSha256}: they do not agree with each other or with the file");
            }
        }

        foreach (var gone in (contents?.Destroyed ?? []).Where(d => !IsIdOf(d.RecordingId, d.Sha256)))
        {
            yield return new PackageProblem(PackageManifest.JsonPath, "identity", $"destroyed recording {gone.RecordingId} is listed with SHA-256 {gone.Sha256}, which it is not the prefix of");
        }
    }

    /// <summary>Package file names are <c>&lt;recording id&gt;.&lt;extension&gt;</c>.</summary>
    private static string NamedId(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }

    private static bool IsIdOf(string? id, string? sha256) =>
        RecordingId.TryParse(id, out var parsed) && id == parsed.Value && Sha256Digest.TryParse(sha256, out var digest) && RecordingId.For(digest) == parsed;

    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object) : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
