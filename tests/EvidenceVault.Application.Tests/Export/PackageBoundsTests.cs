using System.Security.Cryptography;
using EvidenceVault.Application.Export;

namespace EvidenceVault.Application.Tests.Export;

public sealed class PackageBoundsTests : IDisposable
{
    private const string Original = "data/originals/investigation/7109bb02dacef07bb079.jpg";
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Export", "Fixtures", "legacy-package");
    private readonly string _root = Directory.CreateTempSubdirectory("ev-bounds-").FullName;
    private readonly string _package;

    public PackageBoundsTests()
    {
        _package = Path.Combine(_root, "package");
        foreach (var file in Directory.GetFiles(Fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_package, Path.GetRelativePath(Fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task VerifyAsync_FolderLinkLoop_ReportedNotFollowed()
    {
        File.CreateSymbolicLink(Path.Combine(_package, "data", "loop"), "../..");

        var report = await PackageVerifier.VerifyAsync(_package, null, CancellationToken.None);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("data/loop", "link"), (problem.Path, problem.Kind));
        Assert.Equal(8, report.FilesChecked);
    }

    [Fact]
    public async Task VerifyAsync_PayloadLinkedToEtcPasswdWithMatchingManifest_RefusedNotHashed()
    {
        // The forger replaces the original by a link and fixes up the manifests, so hashing the target would pass.
        var original = Path.Combine(_package, Original);
        File.Delete(original);
        File.CreateSymbolicLink(original, "/etc/passwd");
        SetHash("manifest-sha256.txt", Original, Sha256(await File.ReadAllBytesAsync("/etc/passwd")));
        SetHash("tagmanifest-sha256.txt", "manifest-sha256.txt", Sha256(await File.ReadAllBytesAsync(Path.Combine(_package, "manifest-sha256.txt"))));

        var report = await PackageVerifier.VerifyAsync(_package, null, CancellationToken.None);

        Assert.Contains(report.Problems, p => p.Path == Original && p.Kind == "link");
        Assert.DoesNotContain(report.Problems, p => p.Path == Original && p.Kind == "altered");
        Assert.Equal(7, report.FilesChecked);
    }

    [Fact]
    public async Task VerifyAsync_ManifestLineOverTheCap_MalformedAndReadingStops()
    {
        await File.AppendAllTextAsync(Path.Combine(_package, "manifest-sha256.txt"), new string('a', 70 * 1024) + "  data/x\n");

        var report = await PackageVerifier.VerifyAsync(_package, null, CancellationToken.None);

        Assert.Contains(report.Problems, p => p.Path == "manifest-sha256.txt" && p.Kind == "malformed" && p.Detail.Contains("64 KiB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_CustodyLineOverTheCap_ReportedNotParsed()
    {
        await File.AppendAllTextAsync(Path.Combine(_package, "data", "custody.jsonl"), "{\"x\":\"" + new string('a', 70 * 1024) + "\"}\n");

        var report = await PackageVerifier.VerifyAsync(_package, null, CancellationToken.None);

        Assert.Contains(report.Problems, p => p.Path == "data/custody.jsonl" && p.Detail.Contains("64 KiB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_ContentsFileOverTheCap_ReportedNotRead()
    {
        var json = Path.Combine(_package, PackageManifest.JsonPath);
        await File.AppendAllTextAsync(json, new string(' ', 17 * 1024 * 1024));
        SetHash("manifest-sha256.txt", PackageManifest.JsonPath, Sha256(await File.ReadAllBytesAsync(json)));
        SetHash("tagmanifest-sha256.txt", "manifest-sha256.txt", Sha256(await File.ReadAllBytesAsync(Path.Combine(_package, "manifest-sha256.txt"))));

        var report = await PackageVerifier.VerifyAsync(_package, null, CancellationToken.None);

        Assert.Contains(report.Problems, p => p.Path == PackageManifest.JsonPath && p.Kind == "malformed" && p.Detail.Contains("16 MiB", StringComparison.Ordinal));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private void SetHash(string manifest, string listed, string sha256)
    {
        var file = Path.Combine(_package, manifest);
        var lines = File.ReadAllLines(file);
        Assert.Contains(lines, l => l.EndsWith("  " + listed, StringComparison.Ordinal));
        File.WriteAllLines(file, lines.Select(l => l.EndsWith("  " + listed, StringComparison.Ordinal) ? $"{sha256}  {listed}" : l));
    }
}
