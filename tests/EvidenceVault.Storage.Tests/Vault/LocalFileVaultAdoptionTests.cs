using System.Diagnostics;
using System.Runtime.Versioning;
using EvidenceVault.Application.Vault;
using EvidenceVault.Storage.Vault;
using EvidenceVault.Testing.Vault;
using static EvidenceVault.Testing.Vault.VaultTestFiles;

namespace EvidenceVault.Storage.Tests.Vault;

[UnsupportedOSPlatform("windows")]
public sealed class LocalFileVaultAdoptionTests : VaultAdoptionContractTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "evidencevault-vault-tests", Guid.NewGuid().ToString("N"));

    public LocalFileVaultAdoptionTests() => Vault = new LocalFileVault(new LocalVaultOptions(_root), TimeProvider.System);

    protected override IVault Vault { get; }

    [Fact]
    public async Task AdoptOriginalAsync_SameFileSystem_VaultObjectIsTheReceivedInodeReadOnly()
    {
        var staged = Receive(RandomBytes(500_000));
        var inode = Inode(staged.LocalPath!);

        var adoption = await Vault.AdoptOriginalAsync(staged, Ct);

        var stored = OriginalPath(staged);
        Assert.Equal(AdoptionMethod.Moved, adoption.Method);
        Assert.Equal(inode, Inode(stored));
        Assert.Equal("1", Stat("%h", stored));
        Assert.False(File.Exists(staged.LocalPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(stored));
    }

    [Fact]
    public async Task AdoptOriginalAsync_ReceivedOnAnotherFileSystem_CopiedOnceAndSaysWhy()
    {
        // /dev/shm is tmpfs, so the link into the disk-backed vault crosses file systems.
        var bytes = RandomBytes(300_000);
        var path = Path.Combine("/dev/shm", $"evidencevault-received-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(path, bytes);
        var staged = new StagedTestFile(path, DigestOf(bytes), bytes.Length);

        var adoption = await Vault.AdoptOriginalAsync(staged, Ct);

        Assert.Equal(AdoptionMethod.Copied, adoption.Method);
        Assert.Contains("different file systems", adoption.Note, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Equal(bytes, await ReadOriginalAsync(staged.Sha256));
    }

    [Fact]
    public async Task AdoptOriginalAsync_CrashBetweenLinkAndUnlink_RerunKeepsOneInodeAndReleasesTheStoreName()
    {
        var staged = Receive(RandomBytes(50_000));
        var stored = OriginalPath(staged);
        Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
        Run("ln", staged.LocalPath!, stored);

        var adoption = await Vault.AdoptOriginalAsync(staged, Ct);

        Assert.Equal(AdoptionMethod.AlreadyPresent, adoption.Method);
        Assert.False(File.Exists(staged.LocalPath));
        Assert.Equal("1", Stat("%h", stored));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        base.Dispose(disposing);
    }

    private string OriginalPath(StagedTestFile staged) =>
        Path.Combine(_root, "originals", "sha256", staged.Sha256.Hex[..2], staged.Sha256.Hex[2..4], staged.Sha256.Hex);

    /// <summary>The file's inode number, as stat(1) prints it.</summary>
    internal static string Inode(string path) => Stat("%i", path);

    private static string Stat(string format, string path) => Run("stat", "-c", format, path).Trim();

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} failed ({process.ExitCode}).");
    }
}
