using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace EvidenceVault.Devices.Mtp;

/// <summary>One node of a folder listing, copied out of libmtp's list.</summary>
internal sealed record MtpObject(uint Id, uint Parent, uint Storage, string Name, bool IsFolder, long Length, DateTimeOffset Modified);

/// <summary>One storage of the device (a recorder usually has exactly one).</summary>
internal sealed record MtpStorage(uint Id, string? Description);

/// <summary>
/// An open device with its own gate: libmtp must never see two calls on one device at once, and the ingest does
/// read a sidecar (commit of one file) while the next file is being copied. Every call runs on a pool thread
/// because libmtp blocks for the whole transfer.
/// </summary>
internal sealed class MtpSession(MtpDeviceHandle device, MtpDeviceInfo info, Action released) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _disposed;

    public MtpDeviceInfo Info => info;

    public Task<IReadOnlyList<MtpStorage>> StoragesAsync(CancellationToken cancellationToken) => RunAsync<IReadOnlyList<MtpStorage>>(() =>
    {
        if (LibMtp.GetStorage(device, 0) != 0)
        {
            throw new MtpDeviceException($"Reading the storages of {Describe()} failed: {LibMtp.TakeErrors(device)}");
        }

        var storages = new List<MtpStorage>();
        unsafe
        {
            for (var storage = device.Device->Storage; storage != null; storage = storage->Next)
            {
                storages.Add(new MtpStorage(storage->Id, LibMtp.Borrowed(storage->StorageDescription)));
            }
        }

        return storages;
    }, cancellationToken);

    /// <summary>The children of one folder; an empty folder and a failed listing differ (the latter throws).</summary>
    public Task<IReadOnlyList<MtpObject>> ListAsync(uint storage, uint parent, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<MtpObject>>(() => List(storage, parent), cancellationToken);

    private unsafe List<MtpObject> List(uint storage, uint parent)
    {
        var children = new List<MtpObject>();
        LibMtp.ClearErrorstack(device);
        var node = LibMtp.GetFilesAndFolders(device, storage, parent);
        while (node != null)
        {
            var next = node->Next;
            children.Add(new MtpObject(
                node->ItemId, node->ParentId, node->StorageId, LibMtp.Borrowed(node->FileName) ?? string.Empty, node->FileType == LibMtp.FolderType,
                (long)node->FileSize, DateTimeOffset.FromUnixTimeSeconds(node->ModificationDate)));
            LibMtp.DestroyFile(node);
            node = next;
        }

        // NULL is both "empty" and "failed"; only the error stack tells them apart.
        if (children.Count == 0 && device.Device->ErrorStack != null)
        {
            throw new MtpDeviceException($"Listing folder {parent:x8} of {Describe()} failed: {LibMtp.TakeErrors(device)}");
        }

        return children;
    }

    /// <summary>
    /// Copies one object into <paramref name="target"/> (at its current offset). Cancellation is honoured between
    /// chunks through libmtp's progress callback, which aborts the transfer when it returns non-zero.
    /// </summary>
    public Task DownloadAsync(uint id, string path, SafeFileHandle target, CancellationToken cancellationToken) =>
        RunAsync(() => Download(id, path, target, cancellationToken), cancellationToken);

    private unsafe bool Download(uint id, string path, SafeFileHandle target, CancellationToken cancellationToken)
    {
        var token = GCHandle.Alloc(new CancelState(cancellationToken));
        var added = false;
        try
        {
            target.DangerousAddRef(ref added);
            var rc = LibMtp.GetFileToFileDescriptor(device, id, (int)target.DangerousGetHandle(), &Progress, GCHandle.ToIntPtr(token));
            if (rc != 0)
            {
                var errors = LibMtp.TakeErrors(device);
                cancellationToken.ThrowIfCancellationRequested();
                throw new MtpTransferException($"Downloading '{path}' from {Describe()} failed; it stays on the device: {errors}");
            }
        }
        finally
        {
            if (added)
            {
                target.DangerousRelease();
            }

            token.Free();
        }

        return true;
    }

    public Task DeleteAsync(uint id, string path, CancellationToken cancellationToken) => RunAsync(() =>
    {
        if (LibMtp.DeleteObject(device, id) != 0)
        {
            throw new MtpTransferException($"Deleting '{path}' from {Describe()} failed: {LibMtp.TakeErrors(device)}");
        }

        return true;
    }, cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Waits for a running call: releasing the device under libmtp's feet would be a use-after-free.
        _gate.Wait();
        try
        {
            device.Dispose();
        }
        finally
        {
            released();
            _gate.Release();
        }
    }

    private string Describe() => $"{info.Manufacturer} {info.Model} (serial {info.Serial})".Trim();

    private async Task<T> RunAsync<T>(Func<T> call, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed == 1, this);
            return await Task.Run(call, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvCdecl)])]
    private static int Progress(ulong sent, ulong total, nint data) =>
        GCHandle.FromIntPtr(data).Target is CancelState { Token.IsCancellationRequested: true } ? 1 : 0;

    private sealed record CancelState(CancellationToken Token);
}
