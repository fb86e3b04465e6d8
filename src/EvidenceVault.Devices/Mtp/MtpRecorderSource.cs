using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EvidenceVault.Application.Sources;

namespace EvidenceVault.Devices.Mtp;

/// <summary>
/// A recorder that presents itself as an MTP device (location <c>mtp:&lt;serial&gt;</c>, or <c>mtp:</c> for the only
/// one connected), read through libmtp. An entry's identity is (storage id, object handle): MTP addresses objects by
/// handle, never by path, so a file put at the same path later has another handle and is told apart.
/// <para>
/// Each file is downloaded in full into an unlinked temporary file and only then handed out as a stream, rather than
/// through a pipe: libmtp's download is one blocking call that holds the device, so a pipe would let a slow reader
/// stall the device, and a transfer that fails mid-way would look like a short, clean end of file to the hasher. With a
/// temporary file the result code and the length are checked before a single byte is read, and a failure is an
/// <see cref="MtpTransferException"/> (an IOException: the ingest marks the file failed and never wipes it).
/// The price is one file's size in the temporary folder and a second (local, fast) read.
/// </para>
/// <para>
/// The device clock is not exposed: libmtp has no call that reads it (that needs libgphoto2 or a vendor SDK), so a
/// recorder on MTP gives no clock reading and clock-offset checks must come from elsewhere.
/// </para>
/// </summary>
public sealed class MtpRecorderSource : IRecorderSource, IDisposable
{
    private readonly MtpSession _session;
    private readonly string _temporaryFolder;
    private readonly ConcurrentDictionary<string, uint> _parents = new(StringComparer.Ordinal);

    /// <param name="location"><c>mtp:&lt;serial&gt;</c> or <c>mtp:</c>.</param>
    /// <param name="temporaryFolder">Where downloads are buffered (default: the system temporary folder).</param>
    public MtpRecorderSource(string location, string? temporaryFolder = null)
    {
        if (!MtpDevices.IsMtpLocation(location))
        {
            throw new RecorderSourceException($"'{location}' is not an MTP location (mtp:<serial>, or mtp: for the only device).");
        }

        _session = MtpDevices.Open(location);
        _temporaryFolder = temporaryFolder ?? Path.GetTempPath();
    }

    /// <summary>The device, by serial (what reopens it); the model is in <see cref="Device"/>.</summary>
    public string Location => _session.Info.Location;

    public MtpDeviceInfo Device => _session.Info;

    public async IAsyncEnumerable<SourceEntry> EnumerateAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        IReadOnlyList<MtpStorage> storages;
        try
        {
            storages = await _session.StoragesAsync(cancellationToken);
        }
        catch (MtpDeviceException ex)
        {
            throw new RecorderSourceException(ex.Message, ex);
        }

        var entries = new List<SourceEntry>();
        foreach (var storage in storages)
        {
            // Only a device with several storages (internal + card) gets a storage folder in its paths.
            var prefix = storages.Count == 1 ? string.Empty : SafeName(storage.Description) ?? $"storage-{storage.Id:x8}";
            await WalkAsync(storage.Id, LibMtp.RootFolder, prefix, entries, top: true, cancellationToken);
        }

        foreach (var entry in entries.OrderBy(e => e.RelativePath, StringComparer.Ordinal))
        {
            yield return entry;
        }
    }

    public async Task<Stream> OpenReadAsync(SourceEntry entry, CancellationToken cancellationToken)
    {
        var (storage, id) = Address(entry);
        var path = Path.Combine(_temporaryFolder, $"evidencevault-mtp-{Guid.NewGuid():N}.part");
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        try
        {
            // Unlinked at once: nothing is left behind even if the process dies mid-transfer.
            File.Delete(path);
            await _session.DownloadAsync(id, entry.RelativePath, handle, cancellationToken);
            var length = RandomAccess.GetLength(handle);
            if (length != entry.Length)
            {
                throw new MtpTransferException($"Downloading '{entry.RelativePath}' (object {storage:x8}/{id:x8}) gave {length} bytes, the device listed {entry.Length}.");
            }

            return new FileStream(handle, FileAccess.Read, bufferSize: 0) { Position = 0 };
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Lists the entry's folder again: a handle that is gone (deleted, or replaced by another object) has no identity.</summary>
    public async Task<SourceEntry> RefreshAsync(SourceEntry entry, CancellationToken cancellationToken)
    {
        var (storage, id) = Address(entry);
        var parent = _parents.TryGetValue(entry.RelativePath, out var known) ? known : LibMtp.RootFolder;
        var now = (await _session.ListAsync(storage, parent, cancellationToken)).FirstOrDefault(o => o.Id == id && o.Name == LastSegment(entry.RelativePath));
        return now is null
            ? entry with { Length = -1, Identity = null }
            : entry with { Length = now.Length, LastWriteTime = now.Modified };
    }

    public Task DeleteAsync(SourceEntry entry, CancellationToken cancellationToken)
    {
        var (_, id) = Address(entry);
        return _session.DeleteAsync(id, entry.RelativePath, cancellationToken);
    }

    public void Dispose() => _session.Dispose();

    private async Task WalkAsync(uint storage, uint folder, string prefix, List<SourceEntry> entries, bool top, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<MtpObject> children;
        try
        {
            children = await _session.ListAsync(storage, folder, cancellationToken);
        }
        catch (MtpDeviceException ex) when (!top)
        {
            // Like an unreadable folder on a mounted recorder: an entry, never a silent gap.
            entries.Add(new SourceEntry(prefix + "/", SourceEntryType.Unreadable, 0, DateTimeOffset.MinValue, ex.Message));
            return;
        }
        catch (MtpDeviceException ex)
        {
            throw new RecorderSourceException(ex.Message, ex);
        }

        foreach (var child in children)
        {
            var name = SafeName(child.Name);
            var relative = Join(prefix, name ?? $"object-{child.Id:x8}");
            if (name is null)
            {
                entries.Add(new SourceEntry(relative, SourceEntryType.Unreadable, 0, DateTimeOffset.MinValue, $"The device gave the object an unusable name '{child.Name}'."));
            }
            else if (child.IsFolder)
            {
                await WalkAsync(storage, child.Id, relative, entries, top: false, cancellationToken);
            }
            else
            {
                _parents[relative] = folder;
                entries.Add(new SourceEntry(relative, SourceEntryType.File, child.Length, child.Modified, Identity: new SourceFileIdentity(child.Storage, child.Id)));
            }
        }
    }

    private static (uint Storage, uint Id) Address(SourceEntry entry) =>
        entry.Identity is { } identity && entry.Type == SourceEntryType.File
            ? ((uint)identity.Device, (uint)identity.Inode)
            : throw new SourceChangedException($"'{entry.RelativePath}' was not listed as a file of this MTP device.");

    /// <summary>A name that is one path segment, or null (a device could send "..", "a/b" or an empty name).</summary>
    private static string? SafeName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name is "." or ".." || name.Contains('/', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal) ? null : name;

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "/" + name;

    private static string LastSegment(string path) => path[(path.LastIndexOf('/') + 1)..];
}
