using System.Runtime.Versioning;
using Azure.Storage.Blobs.Models;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Redaction;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;
using EvidenceVault.Testing.Vault;
using static EvidenceVault.Testing.Vault.VaultTestFiles;

namespace EvidenceVault.Storage.Azure.Tests;

/// <summary>
/// A redacted copy stored on an Azurite-backed vault goes out through <see cref="RedactedCopies"/> like on the local
/// vault: the bytes downloaded are the ones recorded, and a blob changed behind the vault is not handed out as intact.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class AzureBlobVaultRedactionTests : IClassFixture<AzuriteContainer>, IDisposable
{
    private readonly AzuriteContainer _azurite;
    private readonly VaultTestFiles _files = new();
    private readonly AzureBlobVault _vault;

    public AzureBlobVaultRedactionTests(AzuriteContainer azurite)
    {
        _azurite = azurite;
        _vault = new AzureBlobVault(
            new AzureVaultOptions
            {
                ConnectionString = azurite.ConnectionString,
                Container = azurite.Name,
                CheckoutDirectory = Path.Combine(_files.StagingDirectory, "checkout"),
                MaxRetries = 2,
                RetryDelay = TimeSpan.FromMilliseconds(100),
            },
            TimeProvider.System);
    }

    [Fact]
    public async Task RedactedCopy_StoredOnAzurite_VerifiesAndDownloadsTheRecordedBytes()
    {
        var (redaction, bytes) = await StoreAsync();
        using var downloaded = new MemoryStream();

        var result = await new RedactedCopies(_vault).CheckAsync(redaction, downloaded, CancellationToken.None);

        Assert.Equal((FixityState.Intact, redaction.Copy.Sha256.Hex), (result.State, result.Actual));
        Assert.Equal(bytes, downloaded.ToArray());
    }

    [Fact]
    public async Task RedactedCopy_BlobChangedBehindTheVault_NotHandedOutAsIntact()
    {
        var (redaction, bytes) = await StoreAsync();
        bytes[^1] ^= 0xFF;
        using (var content = new MemoryStream(bytes))
        {
            await _azurite.Client.GetBlobClient($"derived/{redaction.Source.Hex}/redactions/{redaction.Copy.Sha256.Hex}.mp4").UploadAsync(
                content, new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["sha256"] = redaction.Copy.Sha256.Hex } });
        }

        var result = await new RedactedCopies(_vault).CheckAsync(redaction, Stream.Null, CancellationToken.None);

        Assert.Equal(FixityState.Changed, result.State);
        Assert.Equal(DigestOf(bytes).Hex, result.Actual);
    }

    public void Dispose() => _files.Dispose();

    private async Task<(RecordingRedaction Redaction, byte[] Bytes)> StoreAsync()
    {
        var original = DigestOf(RandomBytes(64));
        var bytes = RandomBytes(200_000);
        var copy = new DerivativeDigest(DigestOf(bytes), bytes.Length);
        await _vault.PutRedactionAsync(original, copy.Sha256, _files.Stage(bytes), CancellationToken.None);
        var spec = """{ "version": 1, "mutes": [ { "from": 0, "to": 1 } ] }""";
        return (new RecordingRedaction(new RedactionId(1), RecordingId.For(original), original, spec, DigestOf(System.Text.Encoding.UTF8.GetBytes(spec)), "ffmpeg test", copy, "tester", DateTimeOffset.UnixEpoch), bytes);
    }
}
