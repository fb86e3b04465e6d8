namespace EvidenceVault.Storage.Keys;

/// <summary>
/// Secret files the catalog must not hold (the vault signing key, the server secret that binds credentials): created once
/// with mode 0400 inside a 0700 folder, never overwritten, so someone who can write the catalog still cannot forge what
/// these keys sign.
/// </summary>
public static class KeyFiles
{
    /// <summary>Reads the file, or creates it with <paramref name="create"/>'s bytes when it does not exist yet.</summary>
    public static byte[] LoadOrCreate(string path, Func<byte[]> create)
    {
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Key files rely on POSIX file modes (0400); the service runs on Linux.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var bytes = create();
        var temporary = path + ".new-" + Environment.ProcessId;
        var create0600 = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        using (var stream = new FileStream(temporary, create0600))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.SetUnixFileMode(temporary, UnixFileMode.UserRead);
        try
        {
            // No-overwrite: when two processes start at once, the first key wins and both use it.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllBytes(path);
    }
}
