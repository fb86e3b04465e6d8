using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Linking;
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

    public void Dispose()
    {
        if (File.Exists(_staging))
        {
            File.Delete(_staging);
        }
        else
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    [Fact]
    public async Task IngestAsync_StagingCannotBeWritten_FailedWithStagingWriteFailedAndSourceKept()
    {
        _source.Files["clip.mp4"] = new byte[1000];

        // The staging folder turns into a file: the copy cannot be created, as on a full or read-only disk.
        _source.OnOpen = _ =>
        {
            Directory.Delete(_staging, recursive: true);
            File.WriteAllText(_staging, "");
        };

        var item = await IngestAsync("clip.mp4");

        Assert.Equal(IngestStatus.Failed, item.Status);
        Assert.Equal(ReasonCodes.StagingWriteFailed, Assert.Single(item.Reasons).Code);
        Assert.Empty(_vault.Originals);
        Assert.Empty(_source.Deleted);
    }

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
    public async Task IngestAsync_DockedDevice_TakesOfficerBoundAtRecordingTimeOverTheName()
    {
        var device = DeviceId.Parse("A123456");
        _catalog.Bindings.Add(new DeviceBinding(device, OfficerId.Parse("111111"), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        _catalog.Bindings.Add(new DeviceBinding(device, OfficerId.Parse("222222"), new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), null));
        _source.Files["OFFICERX_A123456_20250301_011500/20250301_011502_5f3c9a.txt"] = "note"u8.ToArray();

        var item = await IngestAsync("OFFICERX_A123456_20250301_011500/20250301_011502_5f3c9a.txt", device: device);

        // The Axis folder names user OFFICERX, but the registry bound the device to 222222 at 01:15: the binding wins.
        Assert.Equal("222222", item.Officer?.Value);
        Assert.Contains(item.Reasons, r => r.Code == ReasonCodes.NameOfficerMismatch);
        _source.Files["plain.txt"] = "other note"u8.ToArray();
        var bound = await IngestAsync("plain.txt", device: device);
        Assert.Equal("222222", bound.Officer?.Value);
    }

    [Fact]
    public async Task IngestAsync_NameNamesOtherOfficerThanBinding_KeepsBindingOfficerWithNote()
    {
        var device = DeviceId.Parse("A123456");
        _catalog.Bindings.Add(new DeviceBinding(device, OfficerId.Parse("222222"), new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), null));
        _source.Files["A123456_333333_20250301101500_1.txt"] = "note"u8.ToArray();

        var item = await IngestAsync("A123456_333333_20250301101500_1.txt", device: device);

        Assert.Equal("222222", item.Officer?.Value);
        Assert.Equal(device, item.Device);
        Assert.Contains(item.Reasons, r => r.Code == ReasonCodes.NameOfficerMismatch);
    }

    [Fact]
    public async Task IngestAsync_NameNamesOtherDeviceThanDock_KeepsDockDevice()
    {
        var dock = DeviceId.Parse("A123456");
        _catalog.Bindings.Add(new DeviceBinding(dock, OfficerId.Parse("222222"), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), null));
        _source.Files["B765432_333333_20250301101500_1.txt"] = "note"u8.ToArray();

        var item = await IngestAsync("B765432_333333_20250301101500_1.txt", device: dock);

        Assert.Equal(dock, item.Device);
        Assert.Equal("222222", item.Officer?.Value);
    }

    [Fact]
    public async Task IngestAsync_SameBytesUnparsedCopyFirst_RecorderNameUpgradesFactsAndKeepsBothSightings()
    {
        var bytes = "现场笔录"u8.ToArray();
        _source.Files["backup/copy.txt"] = bytes;
        _source.Files["A123456_333333_20250301101500_1.txt"] = bytes;

        var first = await IngestAsync("backup/copy.txt");
        var second = await IngestAsync("A123456_333333_20250301101500_1.txt");

        Assert.Equal(IngestStatus.Stored, first.Status);
        Assert.Null(first.Officer);
        Assert.Equal(IngestStatus.Duplicate, second.Status);
        var recording = Assert.Single(_catalog.Recordings.Values);
        Assert.Equal("333333", recording.Officer?.Value);
        Assert.Equal("A123456", recording.Device?.Value);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 15, 0, TimeSpan.Zero), recording.RecordedAt);
        Assert.Equal("name:gat947", recording.RecordedAtSource);
        Assert.Equal(["backup/copy.txt", "A123456_333333_20250301101500_1.txt"], _catalog.Sightings.Select(s => s.SourcePath));
        Assert.Equal([CustodyActions.Ingested, CustodyActions.SightedAgain, CustodyActions.FactsUpgraded], _catalog.Custody.Select(c => c.Action));
    }

    [Fact]
    public async Task IngestAsync_SameBytesRecorderNameFirst_UnparsedCopyChangesNothing()
    {
        var bytes = "现场笔录"u8.ToArray();
        _source.Files["backup/copy.txt"] = bytes;
        _source.Files["A123456_333333_20250301101500_1.txt"] = bytes;

        await IngestAsync("A123456_333333_20250301101500_1.txt");
        var copy = await IngestAsync("backup/copy.txt");

        Assert.Equal(IngestStatus.Duplicate, copy.Status);
        var recording = Assert.Single(_catalog.Recordings.Values);
        Assert.Equal("333333", recording.Officer?.Value);
        Assert.Equal("name:gat947", recording.RecordedAtSource);
        Assert.Equal([CustodyActions.Ingested, CustodyActions.SightedAgain], _catalog.Custody.Select(c => c.Action));
    }

    [Fact]
    public async Task IngestAsync_OwnUploadNamingColleaguesBoundDevice_AttributedToUploaderWithoutThatDevice()
    {
        _catalog.Bindings.Add(new DeviceBinding(DeviceId.Parse("A123456"), OfficerId.Parse("333333"), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), null));
        _source.Files["A123456_333333_20250301101500_1.txt"] = "note"u8.ToArray();
        var upload = new IngestOptions(Device: DeviceId.Parse("A123456")) { Uploader = new UploaderAttribution(OfficerId.Parse("010203")) };

        var item = await IngestAsync("A123456_333333_20250301101500_1.txt", options: upload);

        Assert.Equal("010203", item.Officer?.Value);
        Assert.Null(item.Device);
        Assert.Contains(item.Reasons, r => r.Code == ReasonCodes.ProvenanceMismatch);
        Assert.Equal(AttributionBasis.Uploader, _catalog.Sightings.Single().Basis);
    }

    [Fact]
    public async Task IngestAsync_OwnUploadOfBytesAlreadyKept_NeverChangesTheRecording()
    {
        var bytes = "现场笔录"u8.ToArray();
        _source.Files["backup/copy.txt"] = bytes;
        _source.Files["A123456_010203_20250301101500_1.txt"] = bytes;
        await IngestAsync("backup/copy.txt");
        var upload = new IngestOptions { Uploader = new UploaderAttribution(OfficerId.Parse("010203")) };

        var item = await IngestAsync("A123456_010203_20250301101500_1.txt", options: upload);

        Assert.Equal(IngestStatus.Duplicate, item.Status);
        Assert.Null(Assert.Single(_catalog.Recordings.Values).Officer);
        Assert.DoesNotContain(_catalog.Custody, c => c.Action == CustodyActions.FactsUpgraded);
    }

    [Fact]
    public async Task IngestAsync_DockedCopyOfNameAttributedBytes_BindingUpgradesOfficerWithTypedEntry()
    {
        var device = DeviceId.Parse("A123456");
        _source.Files["A123456_333333_20250301101500_1.txt"] = "现场笔录"u8.ToArray();
        await IngestAsync("A123456_333333_20250301101500_1.txt");
        _catalog.Bindings.Add(new DeviceBinding(device, OfficerId.Parse("222222"), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), null));

        await IngestAsync("A123456_333333_20250301101500_1.txt", device: device);

        Assert.Equal("222222", Assert.Single(_catalog.Recordings.Values).Officer?.Value);
        var upgrade = CustodyEntries.Read<FactsUpgradedDetails>(_catalog.Custody.Single(c => c.Action == CustodyActions.FactsUpgraded))!;
        Assert.Equal((AttributionBasis.DeviceBinding.ToString(), "222222", "333333"), (upgrade.Basis, upgrade.Facts.Officer, upgrade.Previous.Officer));
    }

    [Fact]
    public async Task IngestAsync_SameBytesStoredByAnotherIngestMeanwhile_DuplicateNotSecondStored()
    {
        var bytes = "abc"u8.ToArray();
        _source.Files["note.txt"] = bytes;

        // Another process stores the same bytes between this ingest's staging and its catalog write.
        _catalog.BeforeWrite = recording => _catalog.Recordings.TryAdd(recording.Id, recording with { SourcePath = "elsewhere/note.txt" });
        var item = await IngestAsync("note.txt");

        Assert.Equal(IngestStatus.Duplicate, item.Status);
        Assert.Equal(CustodyActions.SightedAgain, Assert.Single(_catalog.Custody).Action);
    }

    private async Task<IngestItem> IngestAsync(string path, bool wipe = false, DeviceId? device = null, IngestOptions? options = null)
    {
        var ingestor = TestIngestor.Create(_vault, _catalog, _staging, _time);
        var entries = new List<SourceEntry>();
        await foreach (var e in _source.EnumerateAsync(CancellationToken.None))
        {
            entries.Add(e);
        }

        return await ingestor.IngestAsync(_source, entries.Single(e => e.RelativePath == path), new SidecarLookup(_source, entries), options ?? new IngestOptions(Device: device, WipeAfterVerify: wipe), CancellationToken.None);
    }
}
