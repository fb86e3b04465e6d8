using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Uploads;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Ingestion;

/// <summary>A finished upload goes through the docked-file ingest, but its bytes are adopted by the vault, never staged.</summary>
public sealed class HandOverIngestTests : IDisposable
{
    private readonly string _staging = Path.Combine(Path.GetTempPath(), $"ev-staging-{Guid.NewGuid():N}");
    private readonly InMemoryVault _vault = new();
    private readonly InMemoryCatalog _catalog = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    [Fact]
    public async Task Ingest_HandedOverUpload_AdoptedByTheVaultWithoutAStagingCopy()
    {
        var bytes = Encoding.UTF8.GetBytes("an officer's written note");
        var staged = new MemoryStagedObject(bytes);
        var source = SourceFor("note.txt", staged);

        var item = await IngestAsync(source);

        Assert.Equal(IngestStatus.Stored, item.Status);
        Assert.False(Directory.Exists(_staging), "the staging folder is never created for handed-over bytes");
        Assert.Equal(1, _vault.Adopted);
        Assert.Equal(bytes, _vault.Originals[staged.Sha256]);
        Assert.True(staged.Released);
        Assert.Equal(AdoptionMethod.Moved, source.Adoption?.Method);
        Assert.Equal(staged.Sha256, _catalog.Recordings.Values.Single().Sha256);
    }

    [Fact]
    public async Task Ingest_HandedOverTruncatedMp4_QuarantinedByTheSameContainerChecks()
    {
        var whole = Build(Box("ftyp", Encoding.ASCII.GetBytes("isomisom")), Box("mdat", new byte[1000]), Box("moov", Box("mvhd", new byte[100])));
        var staged = new MemoryStagedObject(whole[..600]);

        var item = await IngestAsync(SourceFor("clip.mp4", staged));

        Assert.Equal(IngestStatus.Quarantined, item.Status);
        Assert.Contains(item.Reasons, r => r.Code == ReasonCodes.UnreadableMedia);
        Assert.Equal(1, _vault.Adopted);
    }

    [Fact]
    public async Task Ingest_CrashBetweenAdoptionAndCatalogWrite_RerunStoresOnceFromTheVault()
    {
        var bytes = Encoding.UTF8.GetBytes("bytes adopted just before the process died");
        var staged = new MemoryStagedObject(bytes);
        _catalog.BeforeWrite = _ => throw new IOException("killed before the catalog write");
        await Assert.ThrowsAsync<IOException>(() => IngestAsync(SourceFor("note.txt", staged)));
        _catalog.BeforeWrite = null;

        var rerun = SourceFor("note.txt", staged);
        var item = await IngestAsync(rerun);

        Assert.True(staged.Released, "the first attempt handed the bytes over");
        Assert.Equal(IngestStatus.Stored, item.Status);
        Assert.Equal(bytes, Assert.Single(_vault.Originals).Value);
        Assert.Single(_catalog.Recordings);
        Assert.Equal(AdoptionMethod.AlreadyPresent, rerun.Adoption?.Method);
    }

    [Fact]
    public async Task Ingest_HandedOverBytesDoNotHashToTheirDigest_FailedAndNothingStored()
    {
        var staged = new MemoryStagedObject(Encoding.UTF8.GetBytes("what arrived"), Sha256Digest.FromBytes(SHA256.HashData("what was declared"u8)));

        var item = await IngestAsync(SourceFor("note.txt", staged));

        Assert.Equal(IngestStatus.Failed, item.Status);
        Assert.Equal(ReasonCodes.VaultWriteFailed, Assert.Single(item.Reasons).Code);
        Assert.Empty(_vault.Originals);
        Assert.Empty(_catalog.Recordings);
        Assert.False(staged.Released, "bytes that were not stored stay with the upload");
    }

    private StagedUploadSource SourceFor(string name, MemoryStagedObject staged) => new(
        new NewUpload
        {
            Id = UploadId.New(),
            Length = staged.Length,
            ClientName = name,
            SafeName = name,
            DeclaredSha256 = staged.Sha256,
            Owner = "tester",
            CreatedAt = _time.GetUtcNow(),
            ExpiresAt = _time.GetUtcNow().AddHours(1),
        },
        staged,
        _time.GetUtcNow());

    private async Task<IngestItem> IngestAsync(StagedUploadSource source)
    {
        var ingestor = TestIngestor.Create(_vault, _catalog, _staging, _time);
        var entries = new List<SourceEntry>();
        await foreach (var e in source.EnumerateAsync(CancellationToken.None))
        {
            entries.Add(e);
        }

        var file = entries.First();
        return await ingestor.IngestAsync(source, file, new SidecarLookup(source, entries), new IngestOptions(), CancellationToken.None);
    }

    private static byte[] Box(string type, byte[] body)
    {
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    private static byte[] Build(params byte[][] boxes) => [.. boxes.SelectMany(b => b)];

    /// <summary>Received bytes held in memory; released once the vault has them.</summary>
    private sealed class MemoryStagedObject(byte[] bytes, Sha256Digest? claimed = null) : IStagedObject
    {
        public Sha256Digest Sha256 { get; } = claimed ?? Sha256Digest.FromBytes(SHA256.HashData(bytes));

        public long Length => bytes.Length;

        public string? LocalPath => null;

        public bool Released { get; private set; }

        public Task<bool> ExistsAsync(CancellationToken cancellationToken) => Task.FromResult(!Released);

        public Task<Stream> OpenReadAsync(CancellationToken cancellationToken) =>
            Released ? throw new FileNotFoundException("released") : Task.FromResult<Stream>(new MemoryStream(bytes, writable: false));

        public Task ReleaseAsync(CancellationToken cancellationToken)
        {
            Released = true;
            return Task.CompletedTask;
        }
    }
}
