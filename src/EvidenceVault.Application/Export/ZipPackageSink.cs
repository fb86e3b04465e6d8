using System.IO.Compression;
using System.Text;

namespace EvidenceVault.Application.Export;

/// <summary>
/// A package written as one zip file. Media entries are stored, not deflated: they are compressed already,
/// and stored entries keep the export at copy speed.
/// </summary>
internal sealed class ZipPackageSink : PackageSink
{
    private const int ExecutableMode = 0b111_101_101;
    private const int RegularMode = 0b110_100_100;
    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private bool _closed;

    public ZipPackageSink(string target)
        : base(target)
    {
        EnsureTargetFree();
        _file = new FileStream(Temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.Asynchronous);
        _zip = new ZipArchive(_file, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
    }

    public override async Task<Stream> CreateFileAsync(string path, bool compress, bool executable, CancellationToken cancellationToken)
    {
        var entry = _zip.CreateEntry(path, compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);

        // Unix permission bits in the high half, so unzip keeps verify.sh executable.
        entry.ExternalAttributes = (executable ? ExecutableMode : RegularMode) << 16;
        return await entry.OpenAsync(cancellationToken);
    }

    public override async Task CommitAsync(CancellationToken cancellationToken)
    {
        await CloseAsync();
        EnsureTargetFree();
        File.Move(Temporary, Target, overwrite: false);
        Committed = true;
    }

    public override async ValueTask DisposeAsync()
    {
        await CloseAsync();
        if (!Committed && File.Exists(Temporary))
        {
            File.Delete(Temporary);
        }
    }

    private async Task CloseAsync()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        await _zip.DisposeAsync();
        await _file.FlushAsync();
        await _file.DisposeAsync();
    }
}
