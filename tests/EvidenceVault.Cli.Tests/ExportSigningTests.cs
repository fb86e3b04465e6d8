using System.Text.Json;
using System.Text.Json.Nodes;
using EvidenceVault.Application.Signing;
using EvidenceVault.Cli.Tests.Support;
using EvidenceVault.Domain.Custody;
using static EvidenceVault.Cli.Tests.Support.PackageFiles;

namespace EvidenceVault.Cli.Tests;

/// <summary>Signed packages: the forgeries a holder of a package (but not of the vault key) can try, and old packages.</summary>
[Collection(MediaCollection.Name)]
public sealed class ExportSigningTests(SampleMedia media) : IDisposable
{
    private const string Signature = "signature/tagmanifest-sha256.txt.sig";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task VerifyPackage_SignedPackage_TrustedOnlyAgainstTheVaultKey()
    {
        await FileCaseAsync(_ws, media, deferMedia: true);
        var package = await ExportAsync();
        var key = await VaultKeyAsync();

        var trusted = await Cli("verify-package", package, "--trust", key.File, "--json");
        var untrusted = await Cli("verify-package", package);
        var shellTrusted = await ShAsync(package, key.File);
        var shell = await ShAsync(package);

        Assert.True(trusted.ExitCode == 0, trusted.StandardOutput);
        var signature = trusted.Json.GetProperty("signature");
        Assert.Equal("trusted", signature.GetProperty("state").GetString());
        Assert.Equal(key.Fingerprint, signature.GetProperty("fingerprint").GetString());
        Assert.True(signature.GetProperty("checkpoint").GetProperty("size").GetInt64() > 0);
        Assert.Equal(0, untrusted.ExitCode);
        Assert.Contains($"SIGNED by ed25519 key SHA256:{key.Fingerprint}", untrusted.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("UNVERIFIED against a trust anchor", untrusted.StandardOutput, StringComparison.Ordinal);
        Assert.True(shellTrusted.ExitCode == 0, shellTrusted.Output);
        Assert.Contains($"signature: OK, by the trusted key SHA256:{key.Fingerprint}", shellTrusted.Output, StringComparison.Ordinal);
        Assert.Contains($"signature: OK, by the package's own key SHA256:{key.Fingerprint}", shell.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyPackage_OriginalSwappedWithCustodyAndManifestsRehashed_Fails(bool zipped)
    {
        var (video, _) = await FileCaseAsync(_ws, media, deferMedia: true);
        var package = await ExportAsync();
        var original = $"data/originals/investigation/{video}.mp4";

        // Other bytes under a new, consistent id: every manifest, the manifest rows and the custody slice rewritten and re-chained.
        var oldSha = Sha256Of(Path.Combine(package, original));
        Flip(package, original);
        var newSha = Sha256Of(Path.Combine(package, original));
        File.Move(Path.Combine(package, original), Path.Combine(package, $"data/originals/investigation/{newSha[..20]}.mp4"));
        foreach (var text in new[] { "data/custody.jsonl", "data/manifest.json", "data/manifest.csv", "data/custody-proofs.json", "manifest-sha256.txt" })
        {
            var file = Path.Combine(package, text);
            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace(oldSha, newSha, StringComparison.Ordinal).Replace(video, newSha[..20], StringComparison.Ordinal));
        }

        Rechain(package);
        RehashAll(package);

        var (verify, shell) = await BothAsync(package, zipped);

        Assert.Equal(3, verify.ExitCode);
        Assert.Contains($"SIGNATURE  {Signature}", verify.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("is not in the log of", verify.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, shell.ExitCode);
        Assert.Contains("signature: FAILED", shell.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyPackage_CustodyLineRemovedAndRehashed_NamesTheMissingEntry(bool zipped)
    {
        var (video, _) = await FileCaseAsync(_ws, media, deferMedia: true);
        var package = await ExportAsync();
        var removed = RemoveCustodyLine(package, video, "recording.ingested");
        RehashAll(package);

        var (verify, shell) = await BothAsync(package, zipped);

        Assert.Equal(3, verify.ExitCode);
        Assert.Contains($"entry {removed} of {video} is missing from the slice", verify.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"SIGNATURE  {Signature}", verify.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, shell.ExitCode);
        Assert.Contains("signature: FAILED", shell.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyPackage_TrimmedAndResignedWithAnotherKey_FailsAgainstTheVaultKey()
    {
        var (video, _) = await FileCaseAsync(_ws, media, deferMedia: true);
        var package = await ExportAsync();
        var key = await VaultKeyAsync();

        // A forger with a key of their own rewrites the proofs' list, the checkpoint signature and the package signature.
        var removed = RemoveCustodyLine(package, video, "recording.ingested");
        var proofs = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(package, "data/custody-proofs.json")))!;
        var entries = proofs["subjects"]!.AsArray().Single(s => (string?)s!["subject"] == video)!["entries"]!.AsArray();
        entries.Remove(entries.Single(e => (long)e! == removed));
        await File.WriteAllTextAsync(Path.Combine(package, "data/custody-proofs.json"), proofs.ToJsonString());
        var forger = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(SignatureAlgorithm.Ed25519));
        await File.WriteAllTextAsync(Path.Combine(package, "signature/public-key.pem"), forger.PublicKey.ToPem());
        var note = SignedCheckpoint.Parse(await File.ReadAllTextAsync(Path.Combine(package, "signature/checkpoint.txt")))!;
        await File.WriteAllTextAsync(Path.Combine(package, "signature/checkpoint.txt"), CheckpointNotes.Sign(note.Checkpoint, forger).Format());
        RehashAll(package, forger);

        var anchored = await Cli("verify-package", package, "--trust", key.File);
        var unanchored = await Cli("verify-package", package, "--json");
        var shellAnchored = await ShAsync(package, key.File);
        var shell = await ShAsync(package);

        Assert.Equal(3, anchored.ExitCode);
        Assert.Contains($"not by the trusted key SHA256:{key.Fingerprint}", anchored.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("untrusted", unanchored.Json.GetProperty("signature").GetProperty("state").GetString());
        Assert.Equal(forger.PublicKey.Fingerprint, unanchored.Json.GetProperty("signature").GetProperty("fingerprint").GetString());
        Assert.NotEqual(0, shellAnchored.ExitCode);
        Assert.Contains("signature: FAILED", shellAnchored.Output, StringComparison.Ordinal);
        Assert.Contains($"by the package's own key SHA256:{forger.PublicKey.Fingerprint}", shell.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyPackage_RecordingIdRenamedAndRehashed_BothVerifiersNameTheFile()
    {
        var (video, _) = await FileCaseAsync(_ws, media, deferMedia: true);
        var package = await ExportAsync();
        var original = $"data/originals/investigation/{video}.mp4";
        var renamed = "data/originals/investigation/0123456789abcdef0123.mp4";
        File.Move(Path.Combine(package, original), Path.Combine(package, renamed));
        Replace(package, "manifest-sha256.txt", original, renamed);
        Replace(package, "data/manifest.json", video, "0123456789abcdef0123");
        RehashAll(package);

        var verify = await Cli("verify-package", package);
        var shell = await ShAsync(package);

        Assert.Equal(3, verify.ExitCode);
        Assert.Contains($"IDENTITY  {renamed}", verify.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, shell.ExitCode);
        Assert.Contains($"{renamed}: NOT NAMED FOR ITS SHA-256", shell.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifySh_Sm2KeyWithOpenssl_ChecksTheSignature()
    {
        // The algorithm counts only when the key is created, at the vault's first start.
        var sm2 = new Dictionary<string, string> { ["EVIDENCEVAULT_SIGNATURE"] = "sm2-sm3" };
        Assert.Equal(0, (await CliRunner.RunAsync(_ws.Data, sm2, "keys", "show")).ExitCode);
        await FileCaseAsync(_ws, media, deferMedia: true);
        var package = await ExportAsync();

        var intact = await ShAsync(package);
        Flip(package, Signature);
        var forged = await ShAsync(package);

        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Contains("EvidenceVault-Signature-Algorithm: sm2-sm3", await File.ReadAllTextAsync(Path.Combine(package, "bag-info.txt")), StringComparison.Ordinal);
        Assert.Contains("signature: OK", intact.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, forged.ExitCode);
        Assert.Contains("signature: FAILED", forged.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifySh_WithoutOpenssl_ChecksHashesAndSaysTheSignatureWasNotChecked()
    {
        await FileCaseAsync(_ws, media, deferMedia: true);
        var package = await ExportAsync();
        var key = await VaultKeyAsync();

        var shell = await ShAsync(package, [], WithoutOpenssl());
        var anchored = await ShAsync(package, [key.File], WithoutOpenssl());

        Assert.True(shell.ExitCode == 0, shell.Output);
        Assert.Contains("signature: NOT CHECKED, openssl is not installed", shell.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, anchored.ExitCode);
    }

    [Fact]
    public async Task VerifyPackage_PackageFromBeforeSigning_IntactAndReportedUnsigned()
    {
        var legacy = Path.Combine(AppContext.BaseDirectory, "Export", "Fixtures", "legacy-package");
        var key = await VaultKeyAsync();

        var verify = await Cli("verify-package", legacy);
        var json = await Cli("verify-package", legacy, "--json");
        var anchored = await Cli("verify-package", legacy, "--trust", key.File);

        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("UNSIGNED", verify.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("unsigned", json.Json.GetProperty("signature").GetProperty("state").GetString());
        Assert.Equal(3, anchored.ExitCode);
    }

    private async Task<string> ExportAsync()
    {
        var package = Path.Combine(_ws.Root, "package");
        var export = await Cli("export", Case, "-o", package);
        Assert.True(export.ExitCode == 0, export.StandardError);
        return package;
    }

    /// <summary>The trust anchor: the vault's public key as <c>keys show</c> gives it, written to a file.</summary>
    private async Task<(string File, string Fingerprint)> VaultKeyAsync()
    {
        var show = (await Cli("keys", "show", "--json")).Json;
        var file = Path.Combine(_ws.Root, "vault-key.pem");
        await File.WriteAllTextAsync(file, show.GetProperty("publicKeyPem").GetString());
        return (file, show.GetProperty("fingerprint").GetString()!);
    }

    private async Task<(CliResult Verify, (int ExitCode, string Output) Shell)> BothAsync(string package, bool zipped) =>
        (await Cli("verify-package", zipped ? Zip(package) : package), await ShAsync(package));

    /// <summary>Removes the subject's entry of that action from the slice; returns its sequence number.</summary>
    private static long RemoveCustodyLine(string root, string subject, string action)
    {
        var file = Path.Combine(root, "data/custody.jsonl");
        var lines = File.ReadAllLines(file).ToList();
        var line = lines.Single(l => JsonNode.Parse(l) is { } e && (string?)e["subject"] == subject && (string?)e["action"] == action);
        lines.Remove(line);
        File.WriteAllText(file, string.Concat(lines.Select(l => l + "\n")));
        return (long)JsonNode.Parse(line)!["seq"]!;
    }

    /// <summary>Recomputes every hash of the slice and re-links consecutive entries, as a careful forger would.</summary>
    private static void Rechain(string root)
    {
        var file = Path.Combine(root, "data/custody.jsonl");
        var output = new List<string>();
        (long Sequence, string Hash)? previous = null;
        foreach (var line in File.ReadAllLines(file))
        {
            var e = JsonNode.Parse(line)!.AsObject();
            var sequence = (long)e["seq"]!;
            if (previous is { } p && p.Sequence + 1 == sequence)
            {
                e["prev_hash"] = p.Hash;
            }

            var hash = CustodyChain.Hash(sequence, DateTimeOffset.Parse((string)e["at"]!, System.Globalization.CultureInfo.InvariantCulture), (string)e["actor"]!, (string)e["action"]!, (string)e["subject"]!, (string)e["details"]!, (string)e["prev_hash"]!);
            e["hash"] = hash;
            output.Add(e.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            previous = (sequence, hash);
        }

        File.WriteAllText(file, string.Concat(output.Select(l => l + "\n")));
    }

    /// <summary>Re-hashes both manifests; with a signer, also re-signs the tag manifest.</summary>
    private static void RehashAll(string root, IEvidenceSigner? signer = null)
    {
        foreach (var manifest in new[] { "manifest-sha256.txt", "tagmanifest-sha256.txt" })
        {
            foreach (var listed in File.ReadAllLines(Path.Combine(root, manifest)).Select(l => l[66..]))
            {
                Rewrite(root, manifest, listed);
            }
        }

        if (signer is not null)
        {
            File.WriteAllBytes(Path.Combine(root, Signature), signer.Sign(File.ReadAllBytes(Path.Combine(root, "tagmanifest-sha256.txt"))));
        }
    }

    /// <summary>A PATH with every tool verify.sh needs except openssl.</summary>
    private string WithoutOpenssl()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_ws.Root, "bin-without-openssl")).FullName;
        foreach (var tool in new[] { "sha256sum", "sed", "find", "awk", "grep", "cut", "tail", "dirname", "basename", "cat" })
        {
            var target = Path.Combine(bin, tool);
            if (!File.Exists(target))
            {
                File.CreateSymbolicLink(target, Path.Combine("/usr/bin", tool));
            }
        }

        return bin;
    }

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
