using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Testing.Vault;

/// <summary>Received bytes in a local file, as a local upload store hands them over.</summary>
public sealed class StagedTestFile(string path, Sha256Digest sha256, long length) : IStagedObject
{
    public Sha256Digest Sha256 { get; } = sha256;

    public long Length { get; } = length;

    public string? LocalPath => path;

    public bool Released { get; private set; }

    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => Task.FromResult(File.Exists(path));

    public Task<Stream> OpenReadAsync(CancellationToken cancellationToken) => Task.FromResult<Stream>(File.OpenRead(path));

    public Task ReleaseAsync(CancellationToken cancellationToken)
    {
        File.Delete(path);
        Released = true;
        return Task.CompletedTask;
    }
}
