using System.Security.Cryptography;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

/// <summary>Attacks on derivatives: a proxy, thumbnail or preview sprite swapped or removed in the vault is never handed out and is named everywhere it is checked.</summary>
[Collection(MediaCollection.Name)]
public sealed class DerivativeIntegrityTests(SampleMedia media) : IDisposable
{
    private const string Path1 = "A123456_010203_20250301093015_0001_3.MP4";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task RecordingsGet_SwappedProxy_RefusedWithIncidentAndNothingWritten()
    {
        var id = await IngestOneAsync();
        _ws.SwapDerivative(id, "proxy.mp4");
        var output = Path.Combine(_ws.Root, "proxy.mp4");

        var result = await Cli("recordings", "get", id, "--proxy", "-o", output);
        var incidents = await Cli("incidents", "list", "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("proxy of recording", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("media regenerate", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".partial"));
        Assert.Equal("proxy-changed", Assert.Single(incidents.Json.GetProperty("incidents").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task RecordingsGet_DeletedThumbnail_RefusedAsMissing()
    {
        var id = await IngestOneAsync();
        File.Delete(_ws.StoredDerivative(id, "thumb.jpg"));

        var result = await Cli("recordings", "get", id, "--thumbnail", "-o", Path.Combine(_ws.Root, "t.jpg"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("missing from the vault", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordingsGet_IntactProxy_HashMatchesTheLedger()
    {
        var id = await IngestOneAsync();
        var output = Path.Combine(_ws.Root, "proxy.mp4");

        var result = await Cli("recordings", "get", id, "--proxy", "-o", output);
        var custody = await Cli("audit", "show", "--subject", id, "--json");

        Assert.Equal(0, result.ExitCode);
        var processed = custody.Json.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "recording.media-processed");
        var recorded = processed.GetProperty("details").GetProperty("proxySha256").GetString();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(output))), recorded);
    }

    [Fact]
    public async Task VerifyAndFixity_SwappedProxy_NameTheProxyWhileTheOriginalStaysIntact()
    {
        var id = await IngestOneAsync();
        _ws.SwapDerivative(id, "proxy.mp4");

        var verify = await Cli("verify", "--json");
        var fixity = await Cli("fixity", "run", "--json");

        foreach (var run in new[] { verify, fixity })
        {
            Assert.Equal(3, run.ExitCode);
            Assert.Equal(1, run.Json.GetProperty("intact").GetInt32());
            var failure = Assert.Single(run.Json.GetProperty("failures").EnumerateArray());
            Assert.Equal(("proxy", "changed"), (failure.GetProperty("target").GetString(), failure.GetProperty("state").GetString()));
        }

        Assert.Equal(1, fixity.Json.GetProperty("incidentsRaised").GetArrayLength());
    }

    [Fact]
    public async Task MediaRegenerate_SwappedProxy_MakesItAgainNamesBothHashesAndResolvesTheIncident()
    {
        var id = await IngestOneAsync();
        _ws.SwapDerivative(id, "proxy.mp4");
        var swapped = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(_ws.StoredDerivative(id, "proxy.mp4"))));
        await Cli("fixity", "run");

        var regenerate = await Cli("media", "regenerate", id, "--reason", "proxy found swapped");
        var verify = await Cli("verify", "--json");
        var incidents = await Cli("incidents", "list", "--json");
        var custody = await Cli("audit", "show", "--subject", id, "--json");
        var audit = await Cli("audit", "verify", "--json");
        var get = await Cli("recordings", "get", id, "--proxy", "-o", Path.Combine(_ws.Root, "p.mp4"));

        Assert.Equal(0, regenerate.ExitCode);
        var made = Assert.Single(regenerate.Json.GetProperty("regenerated").EnumerateArray());
        Assert.Equal(("proxy", "changed", swapped), (made.GetProperty("derivative").GetString(), made.GetProperty("found").GetString(), made.GetProperty("actual").GetString()));
        Assert.Equal(0, verify.ExitCode);
        Assert.All(incidents.Json.GetProperty("incidents").EnumerateArray(), i => Assert.Equal("resolved", i.GetProperty("status").GetString()));
        var entry = custody.Json.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "recording.derivative-regenerated").GetProperty("details");
        Assert.Equal(swapped, entry.GetProperty("found").GetString());
        Assert.Equal(made.GetProperty("previous").GetString(), entry.GetProperty("previous").GetString());
        Assert.Equal(made.GetProperty("sha256").GetString(), entry.GetProperty("sha256").GetString());
        Assert.True(audit.Json.GetProperty("intact").GetBoolean(), audit.StandardOutput);
        Assert.Equal(0, get.ExitCode);
    }

    [Fact]
    public async Task MediaRegenerate_TamperedOriginal_RefusedAndNothingMade()
    {
        var id = await IngestOneAsync();
        File.Delete(_ws.StoredDerivative(id, "proxy.mp4"));
        _ws.FlipOneByte(id);

        var regenerate = await Cli("media", "regenerate", id);

        Assert.Equal(3, regenerate.ExitCode);
        Assert.Contains("original", regenerate.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(_ws.StoredDerivative(id, "proxy.mp4")));
    }

    [Fact]
    public async Task AuditVerify_ProxyDigestRowRepointedAtSwappedBytes_NamesTheRow()
    {
        // The insider swaps the proxy and also writes its hash into the catalog row: the ledger still holds the real one.
        var id = await IngestOneAsync();
        _ws.SwapDerivative(id, "proxy.mp4");
        var swapped = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(_ws.StoredDerivative(id, "proxy.mp4"))));
        await _ws.EditCatalogAsync($"UPDATE recordings SET proxy_sha256 = '{swapped}' WHERE id = '{id}'");

        var get = await Cli("recordings", "get", id, "--proxy", "-o", Path.Combine(_ws.Root, "p.mp4"));
        var audit = await Cli("audit", "verify");

        Assert.Equal(0, get.ExitCode);
        Assert.Equal(3, audit.ExitCode);
        Assert.Contains("proxy's SHA-256", audit.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordingsGet_SpriteCuesIntactThenSpriteSwapped_CuesWrittenSpriteRefusedWithIncident()
    {
        var id = await IngestOneAsync();
        var cues = Path.Combine(_ws.Root, "preview.vtt");
        var cuesGet = await Cli("recordings", "get", id, "--sprite-cues", "-o", cues);
        _ws.SwapDerivative(id, "sprite.jpg");

        var spriteGet = await Cli("recordings", "get", id, "--sprite", "-o", Path.Combine(_ws.Root, "preview.jpg"));
        var incidents = await Cli("incidents", "list", "--json");

        Assert.Equal(0, cuesGet.ExitCode);
        Assert.StartsWith("WEBVTT\n", await File.ReadAllTextAsync(cues), StringComparison.Ordinal);
        Assert.Equal(3, spriteGet.ExitCode);
        Assert.Contains("sprite of recording", spriteGet.StandardError, StringComparison.Ordinal);
        Assert.Equal("sprite-changed", Assert.Single(incidents.Json.GetProperty("incidents").EnumerateArray()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task AuditVerify_SpriteDigestRowRepointedAtSwappedBytes_NamesTheRow()
    {
        var id = await IngestOneAsync();
        _ws.SwapDerivative(id, "sprite.jpg");
        var swapped = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(_ws.StoredDerivative(id, "sprite.jpg"))));
        await _ws.EditCatalogAsync($"UPDATE recordings SET sprite_sha256 = '{swapped}' WHERE id = '{id}'");

        var audit = await Cli("audit", "verify");

        Assert.Equal(3, audit.ExitCode);
        Assert.Contains("sprite's SHA-256", audit.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportCase_SwappedProxy_RefusedAndNoPackage()
    {
        var (video, _) = await PackageFiles.FileCaseAsync(_ws, media, deferMedia: false);
        _ws.SwapDerivative(video, "proxy.mp4");
        var target = Path.Combine(_ws.Root, "pkg");

        var export = await Cli("export", PackageFiles.Case, "-o", target);
        var withoutProxies = await Cli("export", PackageFiles.Case, "-o", Path.Combine(_ws.Root, "pkg2"), "--no-proxies");

        Assert.Equal(3, export.ExitCode);
        Assert.Contains("proxy of recording", export.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Equal(0, withoutProxies.ExitCode);
    }

    private Task<CliResult> Cli(params string[] args) => CliRunner.RunAsync(_ws.Data, args);

    private async Task<string> IngestOneAsync()
    {
        _ws.Put(Path1, media.Video1080);
        return Workspace.Item(await _ws.IngestAsync(), Path1).GetProperty("recordingId").GetString()!;
    }
}
