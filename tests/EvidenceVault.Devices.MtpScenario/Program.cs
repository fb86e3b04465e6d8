using System.Security.Cryptography;
using System.Text.Json;
using EvidenceVault.Application.Sources;
using EvidenceVault.Devices;
using EvidenceVault.Devices.Mtp;

// Drives MtpRecorderSource through one scenario and prints one JSON document. tools/record-mtp-fixtures.sh runs it
// under umockdev-record in a QEMU guest with an emulated usb-mtp device; the tests run it again under umockdev-run.
// Both must make the same libmtp calls in the same order, so every scenario here is fixed, with no branching on time.
//   detect                     the devices MtpDevices.List finds
//   walk <location>            every entry, each file downloaded, hashed and refreshed (the ingest's order)
//   secure <location> <sums>   as walk, then each file whose hash matches <sums> (sha256sum format) is deleted,
//                              then a second listing: delete after verify, as the ingest's wipe does it
// libmtp prints to standard output too, so the result is the one line that starts with "RESULT ".
var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
try
{
    object result = args switch
    {
        ["detect"] => MtpDevices.List(),
        ["walk", var location] => await WalkAsync(location, expected: null),
        ["secure", var location, var sums] => await WalkAsync(location, await ReadSumsAsync(sums)),
        _ => throw new ArgumentException("usage: detect | walk <location> | secure <location> <sha256sums>"),
    };
    Console.WriteLine("RESULT " + JsonSerializer.Serialize(result, options));
    return 0;
}
catch (Exception ex)
{
    Console.WriteLine("RESULT " + JsonSerializer.Serialize(new { error = Failure.Of(ex) }, options));
    return 2;
}

static async Task<object> WalkAsync(string location, Dictionary<string, string>? expected)
{
    using var source = (MtpRecorderSource)new RecorderSourceFactory().Open(location);
    var entries = await ListAsync(source);
    var files = new List<FileResult>();
    foreach (var entry in entries.Where(e => e.Type == SourceEntryType.File))
    {
        files.Add(await SecureAsync(source, entry, expected));
    }

    // The second listing shows what is left on the device; on an unplugged one it fails, and that is reported too.
    (List<string>? after, Failure? afterError) = (null, null);
    try
    {
        after = expected is null ? null : (await ListAsync(source)).Select(e => e.RelativePath).ToList();
    }
    catch (Exception ex)
    {
        afterError = Failure.Of(ex);
    }

    return new { device = source.Device, location = source.Location, entries = entries.Select(e => new { path = e.RelativePath, type = e.Type.ToString(), length = e.Length }), files, after, afterError };
}

static async Task<FileResult> SecureAsync(MtpRecorderSource source, SourceEntry entry, Dictionary<string, string>? expected)
{
    string sha256;
    long read;
    try
    {
        await using var stream = await source.OpenReadAsync(entry, CancellationToken.None);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        (read, var n) = (0L, 0);
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, n);
            read += n;
        }

        sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
    }
    catch (Exception ex)
    {
        // Like the ingest: a failed read leaves the file on the device, never deleted.
        return new FileResult(entry.RelativePath, null, 0, false, Failure.Of(ex));
    }

    var after = await source.RefreshAsync(entry, CancellationToken.None);
    var unchanged = after.Identity == entry.Identity && after.Length == entry.Length && read == entry.Length;
    var deleted = false;
    if (expected is not null && unchanged && expected.TryGetValue(entry.RelativePath, out var want) && want == sha256)
    {
        await source.DeleteAsync(entry, CancellationToken.None);
        deleted = true;
    }

    return new FileResult(entry.RelativePath, sha256, read, deleted, unchanged ? null : new Failure("Changed", false, "changed while read"));
}

static async Task<List<SourceEntry>> ListAsync(IRecorderSource source)
{
    var entries = new List<SourceEntry>();
    await foreach (var entry in source.EnumerateAsync(CancellationToken.None))
    {
        entries.Add(entry);
    }

    return entries;
}

static async Task<Dictionary<string, string>> ReadSumsAsync(string path) =>
    (await File.ReadAllLinesAsync(path))
        .Where(l => l.Length > 66)
        .ToDictionary(l => l[66..].TrimStart('*'), l => l[..64], StringComparer.Ordinal);

internal sealed record FileResult(string Path, string? Sha256, long Length, bool Deleted, Failure? Error);

internal sealed record Failure(string Type, bool IsIOException, string Message)
{
    public static Failure Of(Exception ex) => new(ex.GetType().Name, ex is IOException, ex.Message);
}
