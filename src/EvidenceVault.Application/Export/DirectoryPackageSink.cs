namespace EvidenceVault.Application.Export;

/// <summary>A package written as a directory tree (a plain BagIt bag).</summary>
internal sealed class DirectoryPackageSink : PackageSink
{
    public DirectoryPackageSink(string target)
        : base(target)
    {
        EnsureTargetFree();
        Directory.CreateDirectory(Temporary);
    }

    public override Task<Stream> CreateFileAsync(string path, bool compress, bool executable, CancellationToken cancellationToken)
    {
        var full = Path.Combine(Temporary, path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 1 << 20, Options = FileOptions.Asynchronous };
        if (executable && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        }

        return Task.FromResult<Stream>(new FileStream(full, options));
    }

    public override Task CommitAsync(CancellationToken cancellationToken)
    {
        EnsureTargetFree();
        Directory.Move(Temporary, Target);
        Committed = true;
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        if (!Committed && Directory.Exists(Temporary))
        {
            Directory.Delete(Temporary, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
