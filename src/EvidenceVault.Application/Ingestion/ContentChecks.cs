using EvidenceVault.Application.Hashing;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Ingestion;

/// <summary>What the staged bytes say about themselves, and any reason to quarantine them.</summary>
public sealed record ContentVerdict(DetectedContent Content, IReadOnlyList<Reason> Problems, DateTimeOffset? ContainerCreatedAt, Sha256Digest? Declared)
{
    /// <summary>Media work would only fail on these bytes (they are not readable media).</summary>
    public bool MediaUnusable => Problems.Any(p => p.Code is ReasonCodes.UnreadableMedia or ReasonCodes.ContentTypeMismatch);
}

/// <summary>Checks staged bytes: format versus name, container completeness, the device's declared hash.</summary>
public static class ContentChecks
{
    private static readonly string[] IsoFormats = ["mp4", "mov", "3gp", "m4a"];

    public static ContentVerdict Inspect(string fileName, CopyResult copy, string stagedPath, Sha256Digest? declared, bool sidecarPresent)
    {
        using var staged = new FileStream(stagedPath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        return Inspect(fileName, copy, staged, declared, sidecarPresent);
    }

    /// <summary>The same checks over a seekable stream of the bytes (handed-over bytes are read where they are).</summary>
    public static ContentVerdict Inspect(string fileName, CopyResult copy, Stream staged, Sha256Digest? declared, bool sidecarPresent)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(staged);
        var content = ContentSniffer.Sniff(copy.Header);
        var problems = new List<Reason>();
        var claimed = ExtensionExpectation.ClaimedKind(fileName);
        if (claimed is { } kind && ExtensionExpectation.IsMismatch(kind, content))
        {
            problems.Add(new Reason(
                ReasonCodes.ContentTypeMismatch,
                $"The name claims {kind.ToString().ToLowerInvariant()} ({Path.GetExtension(fileName)}) but the content is {content.Format} ({content.Kind.ToString().ToLowerInvariant()})."));
        }
        else if (claimed is RecordingKind.Video or RecordingKind.Audio && !content.IsKnown)
        {
            problems.Add(new Reason(
                ReasonCodes.UnreadableMedia,
                $"The name claims {claimed.Value.ToString().ToLowerInvariant()} but the content is no media format we recognise (corrupt or encrypted)."));
        }

        DateTimeOffset? created = null;
        if (IsoFormats.Contains(content.Format))
        {
            var inspection = Mp4Structure.Inspect(staged);
            created = inspection.CreationTime;
            if (!inspection.IsComplete)
            {
                problems.Add(new Reason(ReasonCodes.UnreadableMedia, inspection.Problem ?? "The media container is incomplete."));
            }
        }

        if (sidecarPresent && declared is null)
        {
            problems.Add(new Reason(ReasonCodes.SidecarMalformed, $"The sidecar {fileName}{Sidecar.Extension} holds no SHA-256 for this file."));
        }
        else if (declared is { } expected && expected != copy.Sha256)
        {
            problems.Add(new Reason(
                ReasonCodes.SidecarHashMismatch,
                $"The device declared SHA-256 {expected} but the bytes received hash to {copy.Sha256}."));
        }

        return new ContentVerdict(content, problems, created, declared);
    }
}
