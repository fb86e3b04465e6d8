using System.Text.RegularExpressions;
using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Signing;

namespace EvidenceVault.Application.Export;

/// <summary>One thing wrong with a package, by path: missing, extra, altered, malformed or custody.</summary>
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

        var contents = await ReadTextAsync(package, PackageManifest.JsonPath, cancellationToken) is { } json ? PackageContents.Parse(json) : null;
        problems.AddRange(PackageContents.IdentityProblems(payload, contents));
        var signature = await PackageSignature.VerifyAsync(package, trust, problems, cancellationToken);
        problems.AddRange(await CheckCustodyAsync(package, signature, contents, cancellationToken));
        return new PackageReport(checkedCount, problems, signature);
    }

    private static async Task<IEnumerable<PackageProblem>> CheckCustodyAsync(PackageReader package, SignatureReport signature, PackageContents? contents, CancellationToken cancellationToken)
    {
        if (await ReadTextAsync(package, BagFiles.Custody, cancellationToken) is not { } text)
        {
            return [];
        }

        var slice = CustodyLines.Check(text.Split('\n'));
        var problems = slice.Problems.Select(p => new PackageProblem(BagFiles.Custody, "custody", p)).ToList();

        // An unsigned package has neither proofs nor checkpoint; a signed one whose checkpoint failed is reported already.
        if (signature.Checkpoint is { } checkpoint)
        {
            var proofs = await ReadTextAsync(package, CustodyProofs.Path, cancellationToken);
            problems.AddRange(proofs is null
                ? [new PackageProblem(CustodyProofs.Path, "missing", "a signed package carries the proofs of its custody slice")]
                : CustodyProofs.Check(proofs, slice, checkpoint, contents?.Subjects ?? []).Select(p => new PackageProblem(BagFiles.Custody, "custody", p)));
        }

        return problems;
    }

    private static async Task<string?> ReadTextAsync(PackageReader package, string path, CancellationToken cancellationToken)
    {
        await using var content = await package.OpenAsync(path, cancellationToken);
        if (content is null)
        {
            return null;
        }

        using var reader = new StreamReader(content);
        return await reader.ReadToEndAsync(cancellationToken);
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

        using var reader = new StreamReader(content);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
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
