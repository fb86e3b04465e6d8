using System.IO.Compression;
using System.Security.Cryptography;
using EvidenceVault.Application.Export;
using EvidenceVault.Application.Signing;

namespace EvidenceVault.Application.Tests.Export;

public sealed class PackageVerifierTests : IDisposable
{
    private const string Original = "data/originals/investigation/7109bb02dacef07bb079.jpg";
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Export", "Fixtures", "legacy-package");
    private readonly string _root = Directory.CreateTempSubdirectory("ev-package-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyAsync_PackageFromBeforeSigning_IntactAndUnsigned(bool zipped)
    {
        var package = Copy(zipped);

        var report = await PackageVerifier.VerifyAsync(package, null, CancellationToken.None);

        Assert.Empty(report.Problems);
        Assert.Equal(8, report.FilesChecked);
        Assert.Equal(SignatureState.NoSignature, report.Signature.State);
        Assert.Null(report.Signature.Key);
    }

    [Fact]
    public async Task VerifyAsync_UnsignedPackageAgainstATrustAnchor_Fails()
    {
        var trust = EvidenceSignatures.SignerFromPem(EvidenceSignatures.NewPrivateKeyPem(SignatureAlgorithm.Ed25519)).PublicKey;

        var report = await PackageVerifier.VerifyAsync(Copy(zipped: false), trust, CancellationToken.None);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("signature", problem.Kind);
        Assert.Contains("unsigned", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_OriginalRenamedToAnotherRecordingIdAndRehashed_NamesTheFileAndTheRow()
    {
        var package = Copy(zipped: false);
        const string Renamed = "data/originals/investigation/0123456789abcdef0123.jpg";

        // A forger passes the file off as another recording and fixes up every manifest: only the ids give it away.
        File.Move(Path.Combine(package, Original), Path.Combine(package, Renamed));
        Replace(package, "manifest-sha256.txt", Original, Renamed);
        Replace(package, "data/manifest.json", "7109bb02dacef07bb079", "0123456789abcdef0123");
        Rehash(package, "manifest-sha256.txt", "data/manifest.json");
        Rehash(package, "tagmanifest-sha256.txt", "manifest-sha256.txt");

        var report = await PackageVerifier.VerifyAsync(package, null, CancellationToken.None);

        Assert.All(report.Problems, p => Assert.Equal("identity", p.Kind));
        Assert.Contains(report.Problems, p => p.Path == Renamed);
        Assert.Contains(report.Problems, p => p.Path == PackageManifest.JsonPath);
    }

    private string Copy(bool zipped)
    {
        var directory = Path.Combine(_root, "package");
        foreach (var file in Directory.GetFiles(Fixture, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(Fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        if (!zipped)
        {
            return directory;
        }

        var zip = Path.Combine(_root, "package.zip");
        ZipFile.CreateFromDirectory(directory, zip);
        return zip;
    }

    private static void Replace(string root, string path, string from, string to)
    {
        var file = Path.Combine(root, path);
        var text = File.ReadAllText(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>Puts the current SHA-256 of <paramref name="listed"/> into <paramref name="manifest"/>.</summary>
    private static void Rehash(string root, string manifest, string listed)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, listed))));
        var file = Path.Combine(root, manifest);
        File.WriteAllLines(file, File.ReadAllLines(file).Select(l => l.EndsWith("  " + listed, StringComparison.Ordinal) ? $"{sha256}  {listed}" : l));
    }
}
