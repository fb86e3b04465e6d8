using System.IO.Compression;
using EvidenceVault.Cli.Tests.Support;
using static EvidenceVault.Cli.Tests.Support.PackageFiles;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class ExportCommandTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Export_Directory_RoundTripsThroughVerifyPackageAndVerifySh()
    {
        var (video, photo) = await FileCaseAsync(deferMedia: false);
        var package = Path.Combine(_ws.Root, "package");

        var export = await Cli("export", Case, "-o", package, "--grant", "R-7", "--json");
        var verify = await Cli("verify-package", package, "--json");
        var shell = await ShAsync(package);
        var custody = await Cli("audit", "show", "--subject", Case, "--json");

        Assert.True(export.ExitCode == 0, export.StandardError);
        Assert.Equal(0, verify.ExitCode);
        Assert.True(verify.Json.GetProperty("intact").GetBoolean());
        Assert.True(shell.ExitCode == 0, shell.Output);
        Assert.Contains("data/originals/investigation/" + video + ".mp4: OK", shell.Output, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(media.Video360), await File.ReadAllBytesAsync(Path.Combine(package, "data", "originals", "investigation", video + ".mp4")));
        Assert.Equal(await File.ReadAllBytesAsync(media.Photo), await File.ReadAllBytesAsync(Path.Combine(package, "data", "originals", "decision", photo + ".jpg")));
        Assert.True(File.Exists(Path.Combine(package, "data", "proxies", "investigation", video + ".mp4")));
        Assert.All(Directory.GetFiles(package, "*", SearchOption.AllDirectories), f => Assert.Matches("^[a-z0-9/._-]+$", Path.GetRelativePath(package, f)));
        Assert.Contains("\"'=HYPERLINK(\"\"http:x\"\"),照片.jpg\"", await File.ReadAllTextAsync(Path.Combine(package, "data", "manifest.csv")), StringComparison.Ordinal);

        var exported = custody.Json.GetProperty("entries").EnumerateArray().Last();
        Assert.Equal("case.exported", exported.GetProperty("action").GetString());
        var details = exported.GetProperty("details");
        Assert.Equal(Sha256Of(Path.Combine(package, "manifest-sha256.txt")), details.GetProperty("manifestSha256").GetString());
        Assert.Equal("R-7", details.GetProperty("grantId").GetString());
        var recordingCustody = await Cli("audit", "show", "--subject", video, "--json");
        Assert.Contains(recordingCustody.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "recording.exported");
    }

    [Theory]
    [InlineData("flip-original")]
    [InlineData("delete-file")]
    [InlineData("add-extra")]
    [InlineData("edit-custody")]
    [InlineData("edit-manifest-json")]
    [InlineData("edit-bag-manifest")]
    public async Task VerifyPackage_Tampered_BothVerifiersNameTheFile(string tampering)
    {
        var (video, _) = await FileCaseAsync(deferMedia: true);
        var package = Path.Combine(_ws.Root, "package");
        Assert.Equal(0, (await Cli("export", Case, "-o", package)).ExitCode);
        var original = $"data/originals/investigation/{video}.mp4";
        var named = tampering switch
        {
            "flip-original" => Flip(package, original),
            "delete-file" => Delete(package, "data/manifest.csv"),
            "add-extra" => Add(package, "data/originals/investigation/planted.mp4"),
            "edit-custody" => Replace(package, "data/custody.jsonl", "recording.ingested", "recording.INGESTED"),
            "edit-manifest-json" => Replace(package, "data/manifest.json", "010203", "999999"),
            _ => Replace(package, "manifest-sha256.txt", "  data/manifest.json", "  data/manifest.jsonx"),
        };

        var verify = await Cli("verify-package", package);
        var shell = await ShAsync(package);

        Assert.Equal(3, verify.ExitCode);
        Assert.Contains(named, verify.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(0, shell.ExitCode);
        Assert.Contains(named, shell.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyPackage_CustodyEntryRehashedAfterEdit_StillNamesTheEntry()
    {
        await FileCaseAsync(deferMedia: true);
        var package = Path.Combine(_ws.Root, "package");
        await Cli("export", Case, "-o", package);

        // Edit an entry and fix up both manifests, as a careful forger would: only the chain gives it away.
        Replace(package, "data/custody.jsonl", "recording.ingested", "recording.INGESTED");
        Rewrite(package, "manifest-sha256.txt", "data/custody.jsonl");
        Rewrite(package, "tagmanifest-sha256.txt", "manifest-sha256.txt");

        var verify = await Cli("verify-package", package, "--json");

        Assert.Equal(3, verify.ExitCode);
        Assert.Contains(verify.Json.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "custody");
    }

    [Fact]
    public async Task Export_VaultOriginalTampered_RefusedWithIncidentAndNoPackage()
    {
        var (video, _) = await FileCaseAsync(deferMedia: true);
        _ws.FlipOneByte(video);
        var package = Path.Combine(_ws.Root, "package.zip");

        var export = await Cli("export", Case, "-o", package);
        var incidents = await Cli("incidents", "list", "--json");
        var custody = await Cli("audit", "show", "--subject", video, "--json");

        Assert.Equal(3, export.ExitCode);
        Assert.Contains("integrity", export.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(package));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_ws.Root), e => e.Contains("partial", StringComparison.Ordinal));
        Assert.Equal(video, Assert.Single(incidents.Json.GetProperty("incidents").EnumerateArray()).GetProperty("recordingId").GetString());
        var actions = custody.Json.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("vault.integrity-failure", actions);
        Assert.Contains("integrity.incident-raised", actions);
        Assert.DoesNotContain("recording.exported", actions);
    }

    [Fact]
    public async Task Export_Zip_StoresMediaUncompressedAndVerifiesZippedAndUnzipped()
    {
        var (video, _) = await FileCaseAsync(deferMedia: true);
        var package = Path.Combine(_ws.Root, "package.zip");
        var unzipped = Path.Combine(_ws.Root, "unzipped");

        var export = await Cli("export", Case, "-o", package, "--no-proxies");
        var verify = await Cli("verify-package", package);
        await ZipFile.ExtractToDirectoryAsync(package, unzipped);
        var shell = await ShAsync(unzipped);
        using (var zip = await ZipFile.OpenReadAsync(package))
        {
            var entry = zip.GetEntry($"data/originals/investigation/{video}.mp4")!;
            Assert.Equal(entry.Length, entry.CompressedLength);
            Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("data/proxies/", StringComparison.Ordinal));
        }

        using (var zip = await ZipFile.OpenAsync(package, ZipArchiveMode.Update))
        {
            await using var planted = await zip.CreateEntry("data/planted.txt").OpenAsync();
            await planted.WriteAsync("x"u8.ToArray());
        }

        var tampered = await Cli("verify-package", package);

        Assert.True(export.ExitCode == 0, export.StandardError);
        Assert.Equal(0, verify.ExitCode);
        Assert.True(shell.ExitCode == 0, shell.Output);
        Assert.Equal(3, tampered.ExitCode);
        Assert.Contains("data/planted.txt", tampered.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_TargetExists_RefusedWithUsageError()
    {
        await FileCaseAsync(deferMedia: true);
        var package = Directory.CreateDirectory(Path.Combine(_ws.Root, "existing")).FullName;

        var export = await Cli("export", Case, "-o", package);

        Assert.Equal(2, export.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(package));
    }

    private Task<(string Video, string Photo)> FileCaseAsync(bool deferMedia) => PackageFiles.FileCaseAsync(_ws, media, deferMedia);

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);
}
