using System.Security.Cryptography;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Testing.Vault;

/// <summary>A per-test staging directory and helpers to make staged files with known digests.</summary>
public sealed class VaultTestFiles : IDisposable
{
    public VaultTestFiles()
    {
        Directory.CreateDirectory(StagingDirectory);
    }

    public string StagingDirectory { get; } = Path.Combine(Path.GetTempPath(), "evidencevault-tests", Guid.NewGuid().ToString("N"));

    public static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);

    public static Sha256Digest DigestOf(byte[] bytes) => Sha256Digest.FromBytes(SHA256.HashData(bytes));

    public static async Task<Sha256Digest> DigestOfAsync(Stream stream) =>
        Sha256Digest.FromBytes(await SHA256.HashDataAsync(stream));

    public StagedFile Stage(byte[] bytes)
    {
        var path = NewPath();
        File.WriteAllBytes(path, bytes);
        return new StagedFile(path, bytes.Length);
    }

    /// <summary>Writes a large random file in 1 MiB pieces and hashes it on the way, without holding it in memory.</summary>
    public async Task<(StagedFile Staged, Sha256Digest Digest)> StageLargeAsync(long length)
    {
        var path = NewPath();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = new byte[1024 * 1024];
        await using (var file = File.Create(path))
        {
            for (long written = 0; written < length; written += block.Length)
            {
                var size = (int)Math.Min(block.Length, length - written);
                RandomNumberGenerator.Fill(block.AsSpan(0, size));
                hash.AppendData(block, 0, size);
                await file.WriteAsync(block.AsMemory(0, size));
            }
        }

        return (new StagedFile(path, length), Sha256Digest.FromBytes(hash.GetHashAndReset()));
    }

    public string NewPath() => Path.Combine(StagingDirectory, $"staged-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (!Directory.Exists(StagingDirectory))
        {
            return;
        }

        // Files handed back by a failing put may be read-only; Linux lets the owner delete them anyway.
        Directory.Delete(StagingDirectory, recursive: true);
    }
}
