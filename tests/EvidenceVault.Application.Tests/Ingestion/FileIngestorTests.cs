using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Naming;
using EvidenceVault.Domain.Recordings;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Ingestion;

public sealed class FileIngestorTests : IDisposable
{
    private readonly string _staging = Directory.CreateTempSubdirectory("ev-staging-").FullName;
    private readonly FakeRecorderSource _source = new();
    private readonly InMemoryVault _vault = new();
    private readonly InMemoryCatalog _catalog = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_staging, recursive: true);

    [Fact]
    public async Task IngestAsync_SourceReadFails_FailedWithSourceUnreadableAndNothingStored()
    {
        _source.Files["bad.mp4"] = [1, 2, 3];
        _source.Unreadable.Add("bad.mp4");

        var item = await IngestAsync("bad.mp4");

        Assert.Equal(IngestStatus.Failed, item.Status);
        Assert.Equal(ReasonCodes.SourceUnreadable, Assert.Single(item.Reasons).Code);
        Assert.Empty(_vault.Originals);
        Assert.Empty(_catalog.Recordings);
        Assert.Empty(Directory.GetFiles(_staging));
    }

    [Fact]
    public async Task IngestAsync_FileGrowsDuringCopy_FailedWithFileStillGrowingAndNotStored()
    {
        _source.Files["live.mp4"] = new byte[1000];
        _source.Growing.Add("live.mp4");

        var item = await IngestAsync("live.mp4");

        Assert.Equal(IngestStatus.Failed, item.Status);
        Assert.Equal(ReasonCodes.FileStillGrowing, Assert.Single(item.Reasons).Code);
        Assert.Empty(_vault.Originals);
    }

    [Fact]
    public async Task IngestAsync_Stored_WritesCatalogAndCustodyAfterVault()
    {
        _source.Files["note.txt"] = "现场笔录"u8.ToArray();

        var item = await IngestAsync("note.txt");

        Assert.Equal(IngestStatus.Stored, item.Status);
        Assert.Single(_vault.Originals);
        Assert.Equal(CustodyActions.Ingested, Assert.Single(_catalog.Custody).Action);
        Assert.Equal(_time.GetUtcNow(), _catalog.Recordings.Values.Single().IngestedAt);
    }

    [Theory]
    [InlineData(24 * 60 * 60, false)]
    [InlineData((24 * 60 * 60) + 1, true)]
    public async Task IngestAsync_DockedAfterRecording_FlagsLateOnlyPast24Hours(int secondsLater, bool late)
    {
        // The fake recorder's files were written at 2025-03-01T01:00Z; the name carries no time.
        _time.SetUtcNow(new DateTimeOffset(2025, 3, 1, 1, 0, 0, TimeSpan.Zero).AddSeconds(secondsLater));
        _source.Files["note.txt"] = "abc"u8.ToArray();

        var item = await IngestAsync("note.txt");

        Assert.Equal(late, item.Reasons.Any(r => r.Code == ReasonCodes.LateUpload));
    }

    [Fact]
    public async Task IngestAsync_WipeAndStoredCopyVerifies_DeletesDeviceFile()
    {
        _source.Files["note.txt"] = "abc"u8.ToArray();

        var item = await IngestAsync("note.txt", wipe: true);

        Assert.True(item.Wiped);
        Assert.Equal(["note.txt"], _source.Deleted);
        Assert.Contains(_catalog.Custody, c => c.Action == CustodyActions.SourceWiped);
    }

    [Fact]
    public async Task IngestAsync_WipeButVaultCopyRotted_KeepsDeviceFile()
    {
        _source.Files["note.txt"] = "abc"u8.ToArray();
        await IngestAsync("note.txt");
        _vault.Corrupt(_vault.Originals.Keys.Single());

        var item = await IngestAsync("note.txt", wipe: true);

        Assert.False(item.Wiped);
        Assert.Empty(_source.Deleted);
        Assert.Contains(item.Reasons, r => r.Code == ReasonCodes.WipeFailed);
    }

    [Fact]
    public async Task IngestAsync_NameWithoutOfficer_TakesOfficerBoundToDeviceAtRecordingTime()
    {
        var device = DeviceId.Parse("A123456");
        _catalog.Bindings.Add(new DeviceBinding(device, OfficerId.Parse("111111"), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        _catalog.Bindings.Add(new DeviceBinding(device, OfficerId.Parse("222222"), new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), null));
        _source.Files["OFFICERX_A123456_20250301_011500/20250301_011502_5f3c9a.txt"] = "note"u8.ToArray();

        var item = await IngestAsync("OFFICERX_A123456_20250301_011500/20250301_011502_5f3c9a.txt", device: device);

        Assert.Equal("OFFICERX", item.Officer?.Value);
        _source.Files["plain.txt"] = "other note"u8.ToArray();
        var bound = await IngestAsync("plain.txt", device: device);
        Assert.Equal("222222", bound.Officer?.Value);
    }

    private async Task<IngestItem> IngestAsync(string path, bool wipe = false, DeviceId? device = null)
    {
        var custody = new CustodyEntries(new FixedActor(), _time);
        var ingestor = new FileIngestor(
            _vault,
            _catalog,
            new StagingArea(_staging),
            new ProvenanceResolver(new RecorderNameParser(RecorderProfile.BuiltIn, TimeZoneInfo.Utc)),
            _catalog,
            new SourceWiper(_vault, _catalog, custody),
            custody,
            _time);
        var entries = new List<SourceEntry>();
        await foreach (var e in _source.EnumerateAsync(CancellationToken.None))
        {
            entries.Add(e);
        }

        return await ingestor.IngestAsync(_source, entries.Single(e => e.RelativePath == path), new SidecarLookup(_source, entries), new IngestOptions(Device: device, WipeAfterVerify: wipe), CancellationToken.None);
    }

    private sealed class FixedActor : IActorContext
    {
        public string Actor => "tester";
    }
}
