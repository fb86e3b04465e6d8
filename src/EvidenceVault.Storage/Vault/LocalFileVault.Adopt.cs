using EvidenceVault.Application.Vault;

namespace EvidenceVault.Storage.Vault;

/// <summary>
/// Adoption of bytes already received (a finished upload): the file is made read-only and durable where it lies,
/// re-read once to its digest, then given its vault name with link(2) (create-only: it fails when the key exists) and
/// only then unlinked from the store. A crash at any point leaves the bytes under the store's name, the vault's, or
/// both (one inode): never lost, never two copies. Across file systems the bytes are copied once and re-read.
/// </summary>
public sealed partial class LocalFileVault
{
    private const int AlreadyExists = 17;
    private const int CrossDevice = 18;

    public async Task<VaultAdoption> AdoptOriginalAsync(IStagedObject staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        var digest = staged.Sha256;
        var target = PathOf(VaultKeys.Original(digest));
        return await Guard(digest, async () =>
        {
            if (File.Exists(target))
            {
                return await KeepExistingAdoptionAsync(staged, target, cancellationToken);
            }

            if (!await staged.ExistsAsync(cancellationToken))
            {
                throw new VaultException($"There are no received bytes to store for {digest}, and the vault holds no original under it.");
            }

            var directory = Path.GetDirectoryName(target)!;
            Durability.CreateDirectory(directory);
            if (staged.LocalPath is { } path && !OperatingSystem.IsWindows())
            {
                await VerifyInPlaceAsync(staged, path, cancellationToken);
                switch (Durability.TryLink(path, target))
                {
                    case 0:
                        Durability.Sync(directory);
                        await staged.ReleaseAsync(cancellationToken);
                        return new VaultAdoption(VaultPutOutcome.Created, AdoptionMethod.Moved);
                    case AlreadyExists:
                        return await KeepExistingAdoptionAsync(staged, target, cancellationToken);
                    case CrossDevice:
                        return await CopyAdoptionAsync(staged, target, "the upload store and the vault are on different file systems", cancellationToken);
                    case var errno:
                        throw new IOException($"link({path}, {target}) failed (errno {errno}).");
                }
            }

            return await CopyAdoptionAsync(staged, target, "the received bytes are not a local file", cancellationToken);
        });
    }

    /// <summary>Read-only and fsynced before the one verifying read, so the bytes checked are the bytes kept.</summary>
    private static async Task VerifyInPlaceAsync(IStagedObject staged, string path, CancellationToken cancellationToken)
    {
        if (new FileInfo(path).Length != staged.Length)
        {
            throw new VaultException($"The received file has {new FileInfo(path).Length} bytes, but {staged.Length} were received; refusing to store it.");
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, ReadOnlyMode);
        }

        Durability.Sync(path);
        var actual = await HashFileAsync(path, cancellationToken);
        if (actual != staged.Sha256.Hex)
        {
            throw new VaultIntegrityException(staged.Sha256, actual);
        }
    }

    private static async Task<VaultAdoption> KeepExistingAdoptionAsync(IStagedObject staged, string target, CancellationToken cancellationToken)
    {
        await CompareExistingAsync(staged.Sha256, target, cancellationToken);
        await staged.ReleaseAsync(cancellationToken);
        return new VaultAdoption(VaultPutOutcome.AlreadyPresent, AdoptionMethod.AlreadyPresent);
    }

    /// <summary>One copy into a temp file beside the key, fsynced, re-read to the digest, then published create-only.</summary>
    private static async Task<VaultAdoption> CopyAdoptionAsync(IStagedObject staged, string target, string why, CancellationToken cancellationToken)
    {
        var temp = $"{target}.tmp-{Guid.NewGuid():N}";
        try
        {
            await using (var source = await staged.OpenReadAsync(cancellationToken))
            await using (var copy = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, ReadBufferSize, FileOptions.Asynchronous))
            {
                await source.CopyToAsync(copy, ReadBufferSize, cancellationToken);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, ReadOnlyMode);
            }

            Durability.Sync(temp);
            var actual = await HashFileAsync(temp, cancellationToken);
            if (actual != staged.Sha256.Hex || new FileInfo(temp).Length != staged.Length)
            {
                throw new VaultIntegrityException(staged.Sha256, actual);
            }

            if (!TryRenameNoOverwrite(temp, target))
            {
                return await KeepExistingAdoptionAsync(staged, target, cancellationToken);
            }

            Durability.Sync(Path.GetDirectoryName(target)!);
            await staged.ReleaseAsync(cancellationToken);
            return new VaultAdoption(VaultPutOutcome.Created, AdoptionMethod.Copied, why);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
