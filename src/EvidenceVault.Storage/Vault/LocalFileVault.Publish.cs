using EvidenceVault.Application.Vault;

namespace EvidenceVault.Storage.Vault;

/// <summary>Create-only publishing: temp file in the target directory, fsync, no-overwrite rename, fsync the directory.</summary>
public sealed partial class LocalFileVault
{
    private const UnixFileMode ReadOnlyMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    // isSameContent is called when the target already exists: true means the stored object is what
    // the caller meant to store; it throws when the stored object is damaged.
    private static async Task<VaultPutOutcome> PublishAsync(
        StagedFile staged, string target, Func<string, Task<bool>> isSameContent, CancellationToken cancellationToken)
    {
        staged.EnsureComplete();
        cancellationToken.ThrowIfCancellationRequested();

        if (File.Exists(target))
        {
            return await KeepExistingAsync(staged.Path, target, isSameContent);
        }

        var directory = Path.GetDirectoryName(target)!;
        Durability.CreateDirectory(directory);

        // The temp name shares the directory (so the final rename is atomic) but never the key.
        var temp = $"{target}.tmp-{Guid.NewGuid():N}";

        // rename(2) when staging and vault share a filesystem; otherwise .NET copies and deletes the
        // source, and the fsync below makes that copy durable before it is published.
        File.Move(staged.Path, temp);
        try
        {
            // Read-only before publishing, so there is no moment at which the object is writable.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, ReadOnlyMode);
            }

            Durability.Sync(temp);
            if (!TryRenameNoOverwrite(temp, target))
            {
                // Someone stored the same key meanwhile; decide as if it had been there from the start.
                return await KeepExistingAsync(temp, target, isSameContent, restoreTo: staged.Path);
            }

            Durability.Sync(directory);
            return VaultPutOutcome.Created;
        }
        catch
        {
            // Hand the bytes back: a failed put must never lose the only staged copy.
            if (File.Exists(temp))
            {
                File.Move(temp, staged.Path, overwrite: false);
            }

            throw;
        }
    }

    private static async Task<VaultPutOutcome> KeepExistingAsync(
        string source, string target, Func<string, Task<bool>> isSameContent, string? restoreTo = null)
    {
        try
        {
            await isSameContent(target);
        }
        catch when (restoreTo is not null)
        {
            File.Move(source, restoreTo, overwrite: false);
            throw;
        }

        // Identical content is already stored: the staged copy is consumed, the object untouched.
        File.Delete(source);
        return VaultPutOutcome.AlreadyPresent;
    }

    /// <summary>
    /// The publishing steps for a derivative made again: temp file, read-only, fsync, then a rename that may replace
    /// the damaged object (rename(2) is atomic, so readers see the old or the new file, never a mix).
    /// </summary>
    private static bool Replace(StagedFile staged, string target)
    {
        staged.EnsureComplete();
        var directory = Path.GetDirectoryName(target)!;
        Durability.CreateDirectory(directory);
        var temp = $"{target}.tmp-{Guid.NewGuid():N}";
        File.Move(staged.Path, temp);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, ReadOnlyMode);
            }

            Durability.Sync(temp);
            File.Move(temp, target, overwrite: true);
            Durability.Sync(directory);
            return true;
        }
        catch
        {
            if (File.Exists(temp))
            {
                File.Move(temp, staged.Path, overwrite: false);
            }

            throw;
        }
    }

    /// <summary>File.Move without overwrite uses link(2)+unlink on Unix, which fails if the target exists.</summary>
    private static bool TryRenameNoOverwrite(string temp, string target)
    {
        try
        {
            File.Move(temp, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target) && File.Exists(temp))
        {
            return false;
        }
    }
}
