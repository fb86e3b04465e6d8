using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Media;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Media;

/// <summary>Media work with fake tools: which derivatives it stores, the digests it records and what a read then finds.</summary>
public sealed class MediaProcessorTests : IDisposable
{
    private static readonly MediaFacts VideoFacts =
        new("mov,mp4,m4a,3gp,3g2,mj2", TimeSpan.FromSeconds(12), new VideoFacts("h264", 1280, 720, "yuv420p", 25), new AudioFacts("aac", 48000, 2), null);

    private readonly InMemoryCatalog _catalog = new();
    private readonly InMemoryVault _vault = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private readonly string _staging = Directory.CreateTempSubdirectory("ev-media-processor-").FullName;
    private readonly FakeTranscoder _transcoder = new();

    public void Dispose() => Directory.Delete(_staging, recursive: true);

    [Fact]
    public async Task ProcessAsync_Video_StoresSpriteAndCuesWithTheirDigestsInTheRowAndTheCustodyEntry()
    {
        var done = await Processor(VideoFacts).ProcessAsync(Pending(RecordingKind.Video), CancellationToken.None);

        var sprite = _vault.Derivatives[(done.Sha256, DerivativeKind.Sprite)];
        var cues = _vault.Derivatives[(done.Sha256, DerivativeKind.SpriteCues)];
        Assert.Equal(new DerivativeDigest(Digest(sprite), sprite.Length), done.Sprite);
        Assert.Equal(new DerivativeDigest(Digest(cues), cues.Length), done.SpriteCues);
        Assert.Equal(SpritePlan.Decide(VideoFacts)!.Cues(), Encoding.UTF8.GetString(cues));
        Assert.Equal(SpritePlan.Decide(VideoFacts), _transcoder.SpritePlan);

        var entry = Assert.Single(_catalog.Custody, c => c.Action == CustodyActions.MediaProcessed);
        var details = CustodyEntries.Read<MediaProcessedDetails>(entry)!;
        Assert.Equal((done.Sprite!.Sha256.Hex, done.SpriteCues!.Sha256.Hex), (details.SpriteSha256, details.SpriteCuesSha256));
        Assert.Equal(done, _catalog.Recordings[done.Id]);
    }

    [Fact]
    public async Task CheckAllAsync_AfterProcessing_EveryDerivativeIntactInFixedOrder()
    {
        var done = await Processor(VideoFacts).ProcessAsync(Pending(RecordingKind.Video), CancellationToken.None);

        var checks = await new DerivativeFixity(_vault).CheckAllAsync(done, null, CancellationToken.None);

        Assert.Equal([DerivativeKind.Proxy, DerivativeKind.Thumbnail, DerivativeKind.Sprite, DerivativeKind.SpriteCues], checks.Select(c => c.Derivative!.Value));
        Assert.All(checks, c => Assert.Equal(FixityState.Intact, c.State));
    }

    [Theory]
    [InlineData(DerivativeKind.Sprite)]
    [InlineData(DerivativeKind.SpriteCues)]
    public async Task ReadVerifiedAsync_SwappedForSameLengthBytes_ChangedAndNothingHandedOut(DerivativeKind kind)
    {
        var done = await Processor(VideoFacts).ProcessAsync(Pending(RecordingKind.Video), CancellationToken.None);
        var stored = _vault.Derivatives[(done.Sha256, kind)];
        _vault.Derivatives[(done.Sha256, kind)] = new byte[stored.Length];

        await using var read = await new DerivativeFixity(_vault).ReadVerifiedAsync(done, kind, () => new MemoryStream(), CancellationToken.None);

        Assert.Equal(FixityState.Changed, read!.Result.State);
        Assert.Equal($"{kind.Name()}-changed", read.Result.IncidentKind);
        Assert.Null(read.TakeContent());
    }

    [Fact]
    public async Task ProcessAsync_Audio_MakesNoSpriteAndRecordsNone()
    {
        var audio = VideoFacts with { Video = null };

        var done = await Processor(audio).ProcessAsync(Pending(RecordingKind.Video), CancellationToken.None);

        Assert.Equal(RecordingKind.Audio, done.Kind);
        Assert.Null(_transcoder.SpritePlan);
        Assert.False(done.Has(DerivativeKind.Sprite) || done.Has(DerivativeKind.SpriteCues));
        Assert.DoesNotContain(_vault.Derivatives.Keys, k => k.Kind is DerivativeKind.Sprite or DerivativeKind.SpriteCues);
        Assert.Null(CustodyEntries.Read<MediaProcessedDetails>(_catalog.Custody.Single(c => c.Action == CustodyActions.MediaProcessed))!.SpriteSha256);
    }

    [Fact]
    public async Task ProcessAsync_SpriteUnreadable_QuarantinesWithoutRecordingAnyDerivative()
    {
        _transcoder.SpriteFails = true;

        var quarantined = await Processor(VideoFacts).ProcessAsync(Pending(RecordingKind.Video), CancellationToken.None);

        Assert.Equal(IngestStatus.Quarantined, quarantined.Status);
        Assert.All(RecordingDerivatives.Kinds, kind => Assert.Null(quarantined.DigestOf(kind)));
        Assert.False(quarantined.HasProxy || quarantined.HasThumbnail);
    }

    private static Sha256Digest Digest(byte[] bytes) => Sha256Digest.FromBytes(SHA256.HashData(bytes));

    private MediaProcessor Processor(MediaFacts facts) =>
        new(_vault, _catalog, new FakeProbe(facts), new DerivativeStore(_vault, _transcoder), new StagingArea(_staging), new CustodyEntries(new TestActor(), _time));

    private RecordingEntry Pending(RecordingKind kind)
    {
        var bytes = Encoding.UTF8.GetBytes("an original recording");
        var digest = Digest(bytes);
        _vault.Originals[digest] = bytes;
        var recording = new RecordingEntry
        {
            Id = RecordingId.For(digest),
            Sha256 = digest,
            SizeBytes = bytes.Length,
            Kind = kind,
            Format = "mp4",
            SourcePath = "DCIM/clip.mp4",
            IngestedAt = _time.GetUtcNow(),
            StationClock = _time.GetUtcNow(),
            Status = IngestStatus.Stored,
            MediaState = MediaState.Pending,
        };
        _catalog.Recordings[recording.Id] = recording;
        return recording;
    }

    private sealed class FakeProbe(MediaFacts facts) : IMediaProbe
    {
        public Task<MediaFacts> ProbeAsync(string localPath, CancellationToken cancellationToken) => Task.FromResult(facts);

        public Task<string> DescribeToolsAsync(CancellationToken cancellationToken) => Task.FromResult("fake");
    }

    /// <summary>Writes recognisable bytes for each derivative; the sprite can be made to fail as corrupt media does.</summary>
    private sealed class FakeTranscoder : IMediaTranscoder
    {
        public SpritePlan? SpritePlan { get; private set; }

        public bool SpriteFails { get; set; }

        public Task CreateProxyAsync(string inputPath, string outputPath, ProxyPlan plan, CancellationToken cancellationToken) =>
            File.WriteAllTextAsync(outputPath, "proxy", cancellationToken);

        public Task CreateThumbnailAsync(string inputPath, string outputPath, MediaFacts facts, CancellationToken cancellationToken) =>
            File.WriteAllTextAsync(outputPath, "thumbnail", cancellationToken);

        public Task CreateSpriteAsync(string inputPath, string outputPath, SpritePlan plan, CancellationToken cancellationToken)
        {
            SpritePlan = plan;
            return SpriteFails
                ? throw new MediaUnreadableException("ffmpeg", "corrupt", 1, "Invalid data found when processing input")
                : File.WriteAllTextAsync(outputPath, $"sprite {plan.SheetWidth}x{plan.SheetHeight}", cancellationToken);
        }
    }

    private sealed class TestActor : IActorContext
    {
        public string Actor => "tester";
    }
}
