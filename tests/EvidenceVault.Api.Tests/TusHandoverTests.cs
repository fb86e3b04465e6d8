using System.Diagnostics;
using System.Net;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

/// <summary>A completed upload's received file becomes the vault object itself: no staging copy, no second copy.</summary>
public sealed class TusHandoverTests(UploadMedia media) : IClassFixture<UploadMedia>, IAsyncLifetime
{
    private readonly ApiHost _host = new();

    private TusClient Tus => new(_host.Client);

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Upload_Completed_VaultObjectIsTheReceivedInodeAndStagingNeverSeesIt()
    {
        var upload = await Tus.CreateForAsync(media.Bytes, "clip.mp4");
        var lastChunk = media.Bytes.Length - 1000;
        using (var first = await Tus.PatchAsync(upload, 0, media.Bytes.AsMemory(0, lastChunk)))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        var received = Path.Combine(_host.Data, "uploads", upload.Segments[^1], "file", "clip.mp4");
        var inode = Inode(received);
        var staging = Path.Combine(_host.Data, "staging");
        Directory.CreateDirectory(staging);
        var staged = new List<string>();
        using var watcher = new FileSystemWatcher(staging) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        watcher.Created += (_, e) => staged.Add(e.FullPath);

        using var last = await Tus.PatchAsync(upload, lastChunk, media.Bytes.AsMemory(lastChunk));

        Assert.Equal("stored", TusClient.Header(last, "EvidenceVault-Status"));
        var stored = _host.VaultObjectOf(TusClient.Sha256Hex(media.Bytes));
        Assert.Equal(inode, Inode(stored));
        Assert.Equal(media.Bytes, await File.ReadAllBytesAsync(stored));
        Assert.Empty(staged);
        Assert.False(File.Exists(received));
        var completed = (await _host.Services.GetRequiredService<ICustodyLog>().ReadAsync(upload.Segments[^1], CancellationToken.None))
            .Select(r => r.Entry).Single(e => e.Action == CustodyActions.UploadCompleted);
        Assert.Equal("moved", CustodyEntries.Read<UploadCompletedDetails>(completed)!.Handover);
    }

    [Fact]
    public async Task Upload_WholeFileSha256Mismatch_NothingEntersTheVaultAndTheBytesStayWithTheUpload()
    {
        var upload = await Tus.CreateForAsync(media.Bytes, "clip.mp4", sha256: new string('b', 64));

        using var last = await Tus.SendAllAsync(upload, media.Bytes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, last.StatusCode);
        Assert.False(File.Exists(_host.VaultObjectOf(TusClient.Sha256Hex(media.Bytes))));
        Assert.False(File.Exists(_host.VaultObjectOf(new string('b', 64))));
        Assert.Equal(media.Bytes, await File.ReadAllBytesAsync(Path.Combine(_host.Data, "uploads", upload.Segments[^1], "file", "clip.mp4")));
    }

    private static string Inode(string path)
    {
        var start = new ProcessStartInfo("stat") { RedirectStandardOutput = true, ArgumentList = { "-c", "%i", path } };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"stat {path} failed.");
    }
}
