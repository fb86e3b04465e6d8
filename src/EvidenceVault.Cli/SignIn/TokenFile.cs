namespace EvidenceVault.Cli.SignIn;

/// <summary>
/// Where <c>evidencevault login</c> keeps the session token: a file only its owner may read
/// (<c>$EVIDENCEVAULT_TOKEN_FILE</c>, else <c>$XDG_CONFIG_HOME/evidencevault/session</c>, else <c>~/.config/evidencevault/session</c>).
/// A token file others could read is refused, as ssh refuses such a key.
/// </summary>
internal static class TokenFile
{
    public const string Variable = "EVIDENCEVAULT_TOKEN_FILE";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string PathName =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
            ? Path.GetFullPath(path)
            : Path.Combine(
                Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } config ? config : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config"),
                "evidencevault",
                "session");

    /// <summary>The saved token, or null when there is none.</summary>
    public static string? Read()
    {
        var path = PathName;
        if (!File.Exists(path))
        {
            return null;
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~(OwnerOnly | UnixFileMode.UserExecute)) != 0)
        {
            throw new FormatException($"The session file {path} may be read by others; it is not used. Remove it and sign in again (`evidencevault login`).");
        }

        return File.ReadAllText(path).Trim() is { Length: > 0 } token ? token : null;
    }

    public static string Write(string token)
    {
        var path = PathName;
        var folder = Path.GetDirectoryName(path)!;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
            }

            options.UnixCreateMode = OwnerOnly;
        }

        // A new file each time, so the owner-only mode holds even where an older file was more open.
        File.Delete(path);
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(token);
        }

        return path;
    }

    public static void Delete() => File.Delete(PathName);
}
