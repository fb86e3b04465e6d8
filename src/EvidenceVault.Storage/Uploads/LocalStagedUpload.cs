using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Vault;

namespace EvidenceVault.Storage.Uploads;

/// <summary>A complete upload's received file, handed to the vault where it lies.</summary>
internal sealed class LocalStagedUpload(string path, Sha256Digest sha256, long length) : IStagedObject
{
    public Sha256Digest Sha256 { get; } = sha256;

    public long Length { get; } = length;

    public string? LocalPath => path;

    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => Task.FromResult(File.Exists(path));

    public Task<Stream> OpenReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan));

    public Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
            Durability.Sync(Path.GetDirectoryName(path)!);
        }

        return Task.CompletedTask;
    }
}
