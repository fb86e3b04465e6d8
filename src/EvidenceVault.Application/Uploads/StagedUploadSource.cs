using System.Runtime.CompilerServices;
using System.Text;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Vault;

namespace EvidenceVault.Application.Uploads;

/// <summary>
/// A complete upload seen as a recorder with one file and its <c>.sha256</c> sidecar (the declared digest), so it goes
/// through the docked-file ingest unchanged, except that its bytes are handed over to the vault where they lie instead
/// of being copied into staging: they were hashed as they arrived.
/// </summary>
public sealed class StagedUploadSource(NewUpload upload, IStagedObject staged, DateTimeOffset completedAt) : IHandOverSource
{
    private readonly byte[] _sidecar = Encoding.ASCII.GetBytes(upload.DeclaredSha256.Hex + "\n");

    public string Location => $"upload:{upload.Id}";

    /// <summary>How the vault took the bytes over, once it has (for the upload's custody details).</summary>
    public VaultAdoption? Adoption { get; private set; }

    private SourceEntry File => new(upload.SafeName, SourceEntryType.File, staged.Length, completedAt);

    private SourceEntry SidecarEntry => new(upload.SafeName + Sidecar.Extension, SourceEntryType.File, _sidecar.Length, completedAt);

    public async IAsyncEnumerable<SourceEntry> EnumerateAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Ordinal order, as every source lists: the file's name is a prefix of its sidecar's.
        yield return File;
        yield return SidecarEntry;
        await Task.CompletedTask;
    }

    public IStagedObject? HandOver(SourceEntry entry) => IsFile(entry) ? staged : null;

    public void Adopted(SourceEntry entry, VaultAdoption adoption) => Adoption = adoption;

    public async Task<Stream> OpenReadAsync(SourceEntry entry, CancellationToken cancellationToken) =>
        IsFile(entry) ? await staged.OpenReadAsync(cancellationToken) : new MemoryStream(_sidecar, writable: false);

    public Task<SourceEntry> RefreshAsync(SourceEntry entry, CancellationToken cancellationToken) => Task.FromResult(entry);

    /// <summary>Nothing to wipe: the bytes are consumed by the vault, the sidecar was never a file.</summary>
    public Task DeleteAsync(SourceEntry entry, CancellationToken cancellationToken) => Task.CompletedTask;

    private bool IsFile(SourceEntry entry) => entry.RelativePath == upload.SafeName;
}
