using System.Text;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Redaction;
using EvidenceVault.Application.Signing;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Export;

/// <summary>
/// Write a case's evidence as a self-verifying BagIt package (a directory, or a zip when the target ends in
/// <c>.zip</c>): bit-exact originals re-hashed on the way out, proxies, manifests, the custody slice with its
/// inclusion proofs, the signed checkpoint it was cut from, a shell verifier, and the vault key's signature over
/// the tag manifest. <see cref="GrantId"/> names the retrieval grant the export happens under; under a grant for redacted
/// copies only, each recording's latest redacted copy (verified against its recorded SHA-256) takes the place of its
/// original and proxy, and the export is refused for a recording that has none.
/// </summary>
public sealed record ExportCaseCommand(CaseNumber Case, string Target, bool IncludeProxies = true, string? GrantId = null)
    : ICommand<ExportResult>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Reviewer, Role.Archivist, Role.Administrator];
}

public sealed record ExportResult(string Target, int Recordings, int Files, long Bytes, string ManifestSha256);

public sealed class ExportCaseHandler(
    ICaseStore cases,
    ICatalog catalog,
    ICustodyLog custody,
    OriginalFixity fixity,
    DerivativeFixity derivatives,
    IntegrityIncidents incidents,
    IGrantCheck grants,
    CustodyEntries entries,
    IActorContext actorContext,
    IEvidenceSigner signer,
    CheckpointWriter checkpoints,
    IRedactionStore redactions,
    RedactedCopies copies)
    : ICommandHandler<ExportCaseCommand, ExportResult>
{
    public async ValueTask<ExportResult> Handle(ExportCaseCommand command, CancellationToken cancellationToken)
    {
        var grant = command.GrantId is { } text ? RetrievalId.Parse(text) : (RetrievalId?)null;
        var exported = await cases.RequireAsync(command.Case, cancellationToken);
        var evidence = new List<(RecordingLink Link, RecordingEntry Recording)>();
        foreach (var link in await cases.LinksAsync(command.Case, null, cancellationToken))
        {
            // Suggestions are not filed evidence until a person confirms them.
            if (link.Origin != LinkOrigin.Suggested && await catalog.FindAsync(link.Recording, cancellationToken) is { } recording)
            {
                evidence.Add((link, recording));
            }
        }

        // Originals destroyed by an approved deletion have no bytes to export; the manifest names them and the custody slice holds their tombstones.
        var destroyed = evidence.Where(e => e.Recording.DestroyedAt is not null).Select(e => e.Recording).ToList();
        evidence.RemoveAll(e => e.Recording.DestroyedAt is not null);

        // The same grant check as every other way out: a reviewer exports only what an active grant covers. Every grant gives
        // redacted copies; one that gives only them makes this export one of redacted copies.
        var covering = await grants.RequireAsync([.. evidence.Select(e => e.Recording.Id)], grant, cancellationToken, redactedCopies: true);
        var redactedOnly = covering is { RedactedOnly: true };

        var at = entries.Now;
        var actor = actorContext.Actor;
        await using var sink = PackageSink.Create(command.Target);
        var items = new List<PackageItem>();
        foreach (var (link, recording) in evidence)
        {
            if (redactedOnly)
            {
                items.Add(await CopyRedactedAsync(sink, link, recording, covering!, cancellationToken));
                continue;
            }

            items.Add(await CopyOriginalAsync(sink, link, recording, cancellationToken));
            if (command.IncludeProxies && recording.HasProxy)
            {
                items.Add(await CopyProxyAsync(sink, link, recording, cancellationToken));
            }
        }

        // One reading of the whole log gives the checkpoint, the slice and its proofs, so the three agree.
        string[] subjects = [exported.Number.Value, .. evidence.Select(e => e.Recording.Id.Value), .. destroyed.Select(r => r.Id.Value)];
        var cut = CustodyProofs.Cut(await custody.ReadAsync(null, cancellationToken), subjects);

        // The package carries the checkpoint stored in the vault for this head (written now when none states it yet).
        var checkpoint = (await checkpoints.WriteAsync(cut.Size, cut.Root, cancellationToken)).Note;

        var payload = items.Select(i => i.File).ToList();
        payload.Add(await AddTextAsync(sink, BagFiles.Custody, string.Concat(cut.Slice.Select(CustodyLines.Line)), cancellationToken));
        payload.Add(await AddTextAsync(sink, CustodyProofs.Path, cut.ProofsJson, cancellationToken));
        payload.Add(await AddTextAsync(sink, PackageManifest.JsonPath, PackageManifest.Json(exported, actor, at, command.GrantId, items, destroyed), cancellationToken));
        payload.Add(await AddTextAsync(sink, PackageManifest.CsvPath, PackageManifest.Csv(items), cancellationToken));
        var manifest = await AddTextAsync(sink, BagFiles.Manifest, BagFiles.ManifestText(payload), cancellationToken);
        List<PackagedFile> tags =
        [
            await AddTextAsync(sink, BagFiles.BagIt, BagFiles.BagItText, cancellationToken),
            await AddTextAsync(sink, BagFiles.BagInfo, BagFiles.BagInfoText(exported.Number.Value, actor, at, payload, command.GrantId, signer.PublicKey, cut.Size), cancellationToken),
            manifest,
            await AddTextAsync(sink, BagFiles.Verifier, BagFiles.VerifierText, cancellationToken, executable: true),
            await AddTextAsync(sink, PackageSignature.PublicKey, signer.PublicKey.ToPem(), cancellationToken),
            await AddTextAsync(sink, PackageSignature.Checkpoint, checkpoint.Format(), cancellationToken),
        ];
        var tagManifest = Encoding.UTF8.GetBytes(BagFiles.ManifestText(tags));
        await AddBytesAsync(sink, BagFiles.TagManifest, tagManifest, cancellationToken);
        await AddBytesAsync(sink, PackageSignature.Signature, signer.Sign(tagManifest), cancellationToken);
        await sink.CommitAsync(cancellationToken);

        var bytes = payload.Sum(f => f.Length);
        try
        {
            foreach (var item in items.Where(i => i.Role is PackageManifest.Original or PackageManifest.Redacted))
            {
                var details = new RecordingExportedDetails(exported.Number.Value, item.File.Path, item.File.Sha256, sink.Target, command.GrantId);
                await custody.AppendAsync(entries.Entry(item.Recording.Id.Value, details), cancellationToken);
            }

            var summary = new CaseExportedDetails(sink.Target, evidence.Count, payload.Count, bytes, manifest.Sha256, command.GrantId);
            await custody.AppendAsync(entries.Entry(exported.Number.Value, summary), cancellationToken);
        }
        catch
        {
            // An export the custody log does not show must not exist.
            DeletePackage(sink.Target);
            throw;
        }

        return new ExportResult(sink.Target, evidence.Count, payload.Count, bytes, manifest.Sha256);
    }

    private async Task<PackageItem> CopyOriginalAsync(PackageSink sink, RecordingLink link, RecordingEntry recording, CancellationToken cancellationToken)
    {
        var path = $"{BagFiles.Payload}originals/{Stage(link)}/{recording.Id}.{Extension(recording)}";
        FixityResult result;
        await using (var output = await sink.CreateFileAsync(path, compress: false, executable: false, cancellationToken))
        {
            result = await fixity.CheckAsync(recording, output, null, cancellationToken);
        }

        if (result.State != FixityState.Intact)
        {
            await incidents.RaiseAsync(recording, result, "export", cancellationToken);
            throw new ExportRefusedException(
                $"Export refused: recording {recording.Id} is {result.State.ToString().ToLowerInvariant()} in the vault (expected SHA-256 {recording.Sha256}"
                + (result.Actual is null ? ")" : $", read {result.Actual})") + "; an integrity incident was logged and no package was written.");
        }

        return new PackageItem(new PackagedFile(path, recording.Sha256.Hex, recording.SizeBytes), PackageManifest.Original, recording, link);
    }

    /// <summary>The proxy, compared with the digest recorded when it was made: a swapped proxy refuses the export as a swapped original does.</summary>
    private async Task<PackageItem> CopyProxyAsync(PackageSink sink, RecordingLink link, RecordingEntry recording, CancellationToken cancellationToken)
    {
        var path = $"{BagFiles.Payload}proxies/{Stage(link)}/{recording.Id}.mp4";
        FixityResult? result;
        await using (var output = await sink.CreateFileAsync(path, compress: false, executable: false, cancellationToken))
        {
            result = await derivatives.CheckAsync(recording, DerivativeKind.Proxy, output, null, cancellationToken);
        }

        if (result is not { State: FixityState.Intact, Expected: { } sha256 })
        {
            if (result is { IsDamage: true })
            {
                await incidents.RaiseAsync(recording, result, "export", cancellationToken);
            }

            throw new ExportRefusedException(result?.State == FixityState.Unrecorded
                ? $"Export refused: the proxy of recording {recording.Id} was made before derivative digests were kept; run `evidencevault media regenerate {recording.Id}` or export without proxies. No package was written."
                : $"Export refused: the proxy of recording {recording.Id} is {result?.State.ToString().ToLowerInvariant() ?? "missing"} in the vault (expected SHA-256 {recording.Proxy?.Sha256}"
                    + (result?.Actual is null ? ")" : $", read {result.Actual})") + $"; an integrity incident was logged and no package was written. `evidencevault media regenerate {recording.Id}` makes it again.");
        }

        return new PackageItem(new PackagedFile(path, sha256.Hex, recording.Proxy!.Length), PackageManifest.Proxy, recording, link);
    }

    /// <summary>The recording's latest redacted copy, compared with the digest recorded when it was made.</summary>
    private async Task<PackageItem> CopyRedactedAsync(PackageSink sink, RecordingLink link, RecordingEntry recording, RetrievalRequest grant, CancellationToken cancellationToken)
    {
        var made = await redactions.ListAsync(recording.Id, cancellationToken);
        var redaction = made.Count > 0 ? made[^1] : throw new ExportRefusedException($"Export refused: grant {grant.Id} hands out redacted copies only, and recording {recording.Id} has none; make one with `evidencevault media redact {recording.Id} --spec <spec.json>`. No package was written.");
        var path = $"{BagFiles.Payload}redacted/{Stage(link)}/{recording.Id}.mp4";
        FixityResult result;
        await using (var output = await sink.CreateFileAsync(path, compress: false, executable: false, cancellationToken))
        {
            result = await copies.CheckAsync(redaction, output, cancellationToken);
        }

        return result.State == FixityState.Intact
            ? new PackageItem(new PackagedFile(path, redaction.Copy.Sha256.Hex, redaction.Copy.Length), PackageManifest.Redacted, recording, link)
            : throw new ExportRefusedException($"Export refused: redacted copy {redaction.Id} of recording {recording.Id} is {result.State.ToString().ToLowerInvariant()} in the vault (expected SHA-256 {redaction.Copy.Sha256}); no package was written.");
    }

    private static Task<PackagedFile> AddTextAsync(PackageSink sink, string path, string text, CancellationToken cancellationToken, bool executable = false) =>
        AddBytesAsync(sink, path, Encoding.UTF8.GetBytes(text), cancellationToken, executable);

    private static async Task<PackagedFile> AddBytesAsync(PackageSink sink, string path, byte[] bytes, CancellationToken cancellationToken, bool executable = false)
    {
        await using var content = new MemoryStream(bytes);
        return await AddAsync(sink, path, content, true, cancellationToken, executable);
    }

    private static async Task<PackagedFile> AddAsync(PackageSink sink, string path, Stream content, bool compress, CancellationToken cancellationToken, bool executable = false)
    {
        await using var output = await sink.CreateFileAsync(path, compress, executable, cancellationToken);
        var hashed = await StreamHasher.HashAsync(content, output, null, cancellationToken);
        return new PackagedFile(path, hashed.Sha256.Hex, hashed.Length);
    }

    private static string Stage(RecordingLink link) => link.Stage.ToString().ToLowerInvariant();

    /// <summary>The source's extension when it is a plain token, else the detected format: source names are never trusted as paths.</summary>
    private static string Extension(RecordingEntry recording)
    {
        static bool Plain(string s) => s.Length is > 0 and <= 10 && s.All(char.IsAsciiLetterOrDigit);
        var fromName = Path.GetExtension(recording.SourcePath).TrimStart('.').ToLowerInvariant();
        var format = recording.Format.ToLowerInvariant();
        return Plain(fromName) ? fromName : Plain(format) ? format : "bin";
    }

    private static void DeletePackage(string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }
        else if (File.Exists(target))
        {
            File.Delete(target);
        }
    }
}

/// <summary>The export was refused because an original or a proxy failed its integrity check.</summary>
public sealed class ExportRefusedException(string message) : Exception(message);
