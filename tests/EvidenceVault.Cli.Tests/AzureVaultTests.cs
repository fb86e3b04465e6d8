using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

/// <summary>The same commands against Azure Blob storage (Azurite on 127.0.0.1, started by tools/test.sh).</summary>
[Collection(MediaCollection.Name)]
public sealed class AzureVaultTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();
    private readonly string _vault = $"azure://ev-cli-{Guid.NewGuid():N}"[..32];
    private readonly Dictionary<string, string> _environment = new()
    {
        ["EVIDENCEVAULT_AZURE_CONNECTION"] = Environment.GetEnvironmentVariable("EVIDENCEVAULT_AZURITE_CONNECTION") ?? "UseDevelopmentStorage=true",
    };

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task IngestGetVerify_OnAzureVault_StoresPlayableRecordingAndReturnsExactBytes()
    {
        const string path = "A123456_010203_20250301093015_0001_3.MP4";
        _ws.Put(path, media.Video360);

        var ingest = await RunAsync("ingest", _ws.Recorder, "--json");
        var again = await RunAsync("ingest", _ws.Recorder, "--json");
        var item = Workspace.Item(ingest, path);
        var output = Path.Combine(_ws.Root, "out.mp4");
        var get = await RunAsync("recordings", "get", item.GetProperty("recordingId").GetString()!, "-o", output);
        var verify = await RunAsync("verify", "--json");

        Assert.True(ingest.ExitCode == 0, ingest.StandardError);
        Assert.Equal("stored", item.GetProperty("status").GetString());
        Assert.True(item.GetProperty("playable").GetBoolean());
        Assert.Equal("already-ingested", Workspace.Item(again, path).GetProperty("status").GetString());
        Assert.Equal(0, get.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(media.Video360), await File.ReadAllBytesAsync(output));
        Assert.Equal(0, verify.ExitCode);
        Assert.Equal(0, _ws.CountVaultOriginals());
    }

    [Fact]
    public async Task FixityRun_BlobOverwrittenThroughTheSdk_RaisesIncident()
    {
        _ws.Put("clip.mp4", media.Video360);
        var sha = Workspace.Item(await RunAsync("ingest", _ws.Recorder, "--json", "--defer-media"), "clip.mp4").GetProperty("sha256").GetString()!;
        var blob = new BlobContainerClient(_environment["EVIDENCEVAULT_AZURE_CONNECTION"], _vault["azure://".Length..])
            .GetBlobClient($"originals/sha256/{sha[..2]}/{sha[2..4]}/{sha}");
        var metadata = (await blob.GetPropertiesAsync()).Value.Metadata;
        var altered = await File.ReadAllBytesAsync(media.Video360);
        altered[altered.Length / 2] ^= 0x01;

        // Same size and the same SHA-256 metadata: only re-reading the bytes can tell.
        await blob.UploadAsync(new BinaryData(altered), new BlobUploadOptions { Metadata = metadata });
        var run = await RunAsync("fixity", "run", "--json");
        var incidents = await RunAsync("incidents", "list", "--json");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("changed", run.Json.GetProperty("failures")[0].GetProperty("state").GetString());
        Assert.Single(incidents.Json.GetProperty("incidents").EnumerateArray());
    }

    [Fact]
    public async Task Ingest_AzureVaultWithoutConnection_ExitsWithConfigurationError()
    {
        _ws.Put("clip.mp4", media.Video360);

        var result = await CliRunner.RunAsync(_ws.Data, new Dictionary<string, string> { ["EVIDENCEVAULT_AZURE_CONNECTION"] = string.Empty }, "ingest", _ws.Recorder, "--vault", _vault);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("EVIDENCEVAULT_AZURE_CONNECTION", result.StandardError, StringComparison.Ordinal);
    }

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(_ws.Data, _environment, [.. args, "--vault", _vault]);
}
