using System.Text.RegularExpressions;
using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Signing;

namespace EvidenceVault.Application.Export;

/// <summary>One thing wrong with a package, by path: missing, extra, altered, malformed, link (not followed) or custody.</summary>
public sealed record PackageProblem(string Path, string Kind, string Detail);

public sealed record PackageReport(int FilesChecked, IReadOnlyList<PackageProblem> Problems, SignatureReport Signature)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>
/// Checks an export package (directory or zip) the way <c>verify.sh</c> does and more: every manifest and
/// tag-manifest entry present and unaltered, no file outside the manifests, every recording id the prefix of its
/// SHA-256, every custody entry hashing correctly; and for a signed package the signature (against
/// <c>trust</c> when given), the checkpoint, and that the custody slice of every exported subject is complete and in
/// the checkpointed log. It needs no catalog or vault, so anyone holding the package can run it.
/// </summary>
public static partial class PackageVerifier
{
    public static async Task<PackageReport> VerifyAsync(string path, EvidencePublicKey? trust, CancellationToken cancellationToken)
    {
        using var package = PackageReader.Open(path);
        var problems = package.Duplicates.Select(d => new PackageProblem(d, "malformed", "the zip holds this path more than once")).ToList();
        problems.AddRange(package.Problems);
        if (!package.Files.Contains(BagFiles.BagIt))
        {
            problems.Add(new PackageProblem(BagFiles.BagIt, "missing", "not a BagIt package without it"));
        }

        var payload = await ReadManifestAsync(package, BagFiles.Manifest, problems, cancellationToken);
        var tags = await ReadManifestAsync(package, BagFiles.TagManifest, problems, cancellationToken);
        problems.AddRange(payload.Where(e => !e.Key.StartsWith(BagFiles.Payload, StringComparison.Ordinal)).Select(e => new PackageProblem(e.Key, "malformed", $"{BagFiles.Manifest} lists a file outside data/")));
        problems.AddRange(tags.Where(e => e.Key.StartsWith(BagFiles.Payload, StringComparison.Ordinal)).Select(e => new PackageProblem(e.Key, "malformed", $"{BagFiles.TagManifest} lists a payload file")));

        var listed = payload.Concat(tags).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var checkedCount = 0;
        foreach (var (file, expected) in listed.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            await using var content = await package.OpenAsync(file, cancellationToken);
            if (content is null)
            {
                problems.Add(new PackageProblem(file, "missing", "listed in a manifest but not in the package"));
                continue;
            }

            checkedCount++;
            var actual = (await StreamHasher.HashAsync(content, null, null, cancellationToken)).Sha256.Hex;
            if (actual != expected)
            {
                problems.Add(new PackageProblem(file, "altered", $"SHA-256 is {actual}, the manifest says {expected}"));
            }
        }

        problems.AddRange(package.Files
            .Where(f => !listed.ContainsKey(f) && f != BagFiles.TagManifest && f != PackageSignature.Signature)
            .Order(StringComparer.Ordinal)
            .Select(f => new PackageProblem(f, "extra", "in the package but in no manifest")));

        var contents = await PackageText.ReadTextAsync(package, PackageManifest.JsonPath, problems, cancellationToken) is { } json ? PackageContents.Parse(json) : null;
        problems.AddRange(PackageContents.IdentityProblems(payload, contents));
        var signature = await PackageSignature.VerifyAsync(package, trust, problems, cancellationToken);
        await CheckCustodyAsync(package, signature, contents, problems, cancellationToken);
        return new PackageReport(checkedCount, problems, signature);
    }

    private static async Task CheckCustodyAsync(PackageReader package, SignatureReport signature, PackageContents? contents, List<PackageProblem> problems, CancellationToken cancellationToken)
    {
        await using var content = await package.OpenAsync(BagFiles.Custody, cancellationToken);
        if (content is null)
        {
            return;
        }

        // Line by line, each line capped: the slice's entries are kept, a hostile line is not.
        var lines = new List<string>();
        await foreach (var line in PackageText.ReadLinesAsync(content, BagFiles.Custody, problems, cancellationToken))
        {
            lines.Add(line);
        }

        var slice = CustodyLines.Check(lines);
        problems.AddRange(slice.Problems.Select(p => new PackageProblem(BagFiles.Custody, "custody", p)));

        // An unsigned package has neither proofs nor checkpoint; a signed one whose checkpoint failed is reported already.
        if (signature.Checkpoint is { } checkpoint)
        {
            var proofs = await PackageText.ReadTextAsync(package, CustodyProofs.Path, problems, cancellationToken);
            problems.AddRange(proofs is null
                ? [new PackageProblem(CustodyProofs.Path, "missing", "a signed package carries the proofs of its custody slice")]
                : CustodyProofs.Check(proofs, slice, checkpoint, contents?.Subjects ?? []).Select(p => new PackageProblem(BagFiles.Custody, "custody", p)));
        }
    }

    private static async Task<Dictionary<string, string>> ReadManifestAsync(PackageReader package, string manifest, List<PackageProblem> problems, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var content = await package.OpenAsync(manifest, cancellationToken);
        if (content is null)
        {
            problems.Add(new PackageProblem(manifest, "missing", "the package cannot be checked without it"));
            return entries;
        }

        var number = 0;
        await foreach (var line in PackageText.ReadLinesAsync(content, manifest, problems, cancellationToken))
        {
            number++;
            var match = ManifestLine().Match(line);
            var file = match.Success ? match.Groups[2].Value : null;
            if (file is null || file.Split('/').Any(s => s is "" or "." or ".."))
            {
                problems.Add(new PackageProblem(manifest, "malformed", $"line {number} is not '<sha256>  <path inside the package>'"));
            }
            else if (!entries.TryAdd(file, match.Groups[1].Value.ToLowerInvariant()))
            {
                problems.Add(new PackageProblem(manifest, "malformed", $"line {number} lists {file} again"));
            }
        }

        return entries;
    }

    [GeneratedRegex("^([0-9a-fA-F]{64}) +(.+)$")]
    private static partial Regex ManifestLine();
}
