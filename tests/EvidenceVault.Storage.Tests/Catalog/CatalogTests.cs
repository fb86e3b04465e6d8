using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class CatalogTests(CatalogEngine engine) : CatalogTestBase(engine)
{
    [Fact]
    public async Task RecordIngestAsync_NewRecording_RoundTripsEveryField()
    {
        var recording = Recording(1) with { Sm3 = Sm3Digest.Parse(new string('a', 64)), DeclaredSha256 = new string('b', 64) };

        Assert.True(await IngestAsync(recording));
        var found = await Catalog.FindAsync(recording.Id, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equivalent(recording, found);
        Assert.Equal(TimeSpan.FromHours(8), found.RecordedAt!.Value.Offset);
    }

    [Fact]
    public async Task RecordIngestAsync_SameBytesTwice_KeepsOneRecordingAndBothSightings()
    {
        var recording = Recording(2);

        Assert.True(await IngestAsync(recording, "dev|a.mp4"));
        var second = await IngestSeeingAsync(recording with { SourcePath = "b.mp4" }, "dev|b.mp4");
        var third = await IngestSeeingAsync(recording with { SourcePath = "c.mp4" }, "dev|c.mp4");

        Assert.Equal(recording.SourcePath, second.Existing?.SourcePath);
        Assert.Single(await Catalog.ListAsync(new RecordingFilter(), CancellationToken.None));
        Assert.Equal(["dev|a.mp4", "dev|b.mp4"], third.Sightings.Select(s => s.SourceKey));
        Assert.All(third.Sightings, s => Assert.Equal(AttributionBasis.Name, s.Basis));
        Assert.Equal(1, await new SqlJobQueue(Database).CountOpenAsync(JobKind.Media, CancellationToken.None));
    }

    [Fact]
    public async Task RecordIngestAsync_SameBytesAtOnce_ExactlyOneMakesTheRecording()
    {
        var recording = Recording(6);

        var made = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => IngestAsync(recording with { SourcePath = $"copy{i}.mp4" }, $"dev|copy{i}.mp4"))));

        Assert.Equal(1, made.Count(m => m));
        Assert.Equal(6, (await IngestSeeingAsync(recording, "dev|last.mp4")).Sightings.Count);
        Assert.Single(await Custody.ReadAsync(recording.Id.Value, CancellationToken.None), r => r.Entry.Action == CustodyActions.Ingested);
    }

    [Fact]
    public async Task RecordIngestAsync_FactsChanged_ReplacesProvenanceButNeverIdentity()
    {
        var recording = Recording(7);
        await IngestAsync(recording);
        var better = recording with
        {
            Officer = OfficerId.Parse("333333"),
            Device = DeviceId.Parse("B765432"),
            RecordedAt = Now.AddMinutes(-5),
            RecordedAtSource = "name:gat947",
            Mark = 5,
            SourcePath = "tampered",
            SizeBytes = 1,
        };

        await Catalog.RecordIngestAsync(
            recording,
            found => new IngestWrite(better, new Sighting(recording.Id, "dev|b.mp4", "b.mp4", "duplicate", Now), [new CustodyEntry(Now, "tester", CustodyActions.FactsUpgraded, recording.Id.Value, "{}")], JobKind.Link, true),
            CancellationToken.None);
        var found = await Catalog.FindAsync(recording.Id, CancellationToken.None);

        Assert.Equal(better.Officer, found!.Officer);
        Assert.Equal(better.Device, found.Device);
        Assert.Equal(better.RecordedAt, found.RecordedAt);
        Assert.Equal(5, found.Mark);
        Assert.Equal(recording.SourcePath, found.SourcePath);
        Assert.Equal(recording.SizeBytes, found.SizeBytes);
        Assert.Equal(1, await new SqlJobQueue(Database).CountOpenAsync(JobKind.Link, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_Filters_SelectByOfficerAndTimeWindow()
    {
        await IngestAsync(Recording(1, "111111", Now));
        await IngestAsync(Recording(2, "222222", Now.AddHours(1)));
        await IngestAsync(Recording(3, "111111", Now.AddHours(2)));

        var officer = await Catalog.ListAsync(new RecordingFilter(Officer: OfficerId.Parse("111111")), CancellationToken.None);
        var window = await Catalog.ListAsync(new RecordingFilter(From: Now.AddMinutes(30), To: Now.AddHours(2)), CancellationToken.None);

        Assert.Equal([Now.AddHours(2), Now], officer.Select(r => r.RecordedAt!.Value));
        Assert.Equal("222222", Assert.Single(window).Officer!.Value.Value);
    }

    [Fact]
    public async Task ListAsync_Flag_SelectsRecordingsWhoseIngestGaveThatReasonNotOnesThatQuoteIt()
    {
        var late = Recording(1, "111111", Now) with { Reasons = [new Reason("clock-unknown", "x"), new Reason(ReasonCodes.LateUpload, "Docked 30 h after it was recorded.")] };
        var quoting = Recording(2, "111111", Now.AddHours(1)) with { Reasons = [new Reason("note", "not [\"late-upload\", this time")] };
        await IngestAsync(late);
        await IngestAsync(quoting);
        await IngestAsync(Recording(3, "111111", Now.AddHours(2)));

        var flagged = await Catalog.ListAsync(new RecordingFilter { Flag = ReasonCodes.LateUpload }, CancellationToken.None);

        Assert.Equal(late.Id, Assert.Single(flagged).Id);
        await Assert.ThrowsAsync<FormatException>(() => Catalog.ListAsync(new RecordingFilter { Flag = "%" }, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_Scope_KeepsScopedOfficersAndGrantedRecordingsOnly()
    {
        var (first, second, third) = (Recording(1, "111111", Now), Recording(2, "222222", Now.AddHours(1)), Recording(3, "333333", Now.AddHours(2)));
        foreach (var recording in new[] { first, second, third })
        {
            await IngestAsync(recording);
        }

        var scoped = await Catalog.ListAsync(new RecordingFilter(Scope: new RecordingScope(new HashSet<OfficerId> { OfficerId.Parse("111111") }, new HashSet<RecordingId> { third.Id })), CancellationToken.None);
        var empty = await Catalog.ListAsync(new RecordingFilter(Scope: new RecordingScope(new HashSet<OfficerId>(), new HashSet<RecordingId>())), CancellationToken.None);
        var unfiled = await new SqlCaseStore(Database).UnfiledAsync(null, new RecordingScope(new HashSet<OfficerId> { OfficerId.Parse("222222") }, new HashSet<RecordingId>()), CancellationToken.None);

        Assert.Equal([third.Id, first.Id], scoped.Select(r => r.Id));
        Assert.Empty(empty);
        Assert.Equal(second.Id, Assert.Single(unfiled).Id);
    }

    [Fact]
    public async Task UpdateAfterMediaAsync_ChangesMediaFactsButNeverIdentity()
    {
        var recording = Recording(4);
        await IngestAsync(recording);

        await Catalog.UpdateAfterMediaAsync(
            recording with { MediaState = MediaState.Done, DurationSeconds = 12.5, HasProxy = true, SizeBytes = 1, SourcePath = "tampered" },
            new CustodyEntry(Now, "worker", CustodyActions.MediaProcessed, recording.Id.Value, "{}"),
            CancellationToken.None);
        var found = await Catalog.FindAsync(recording.Id, CancellationToken.None);

        Assert.Equal(MediaState.Done, found!.MediaState);
        Assert.Equal(12.5, found.DurationSeconds);
        Assert.True(found.HasProxy);
        Assert.Equal(recording.SizeBytes, found.SizeBytes);
        Assert.Equal(recording.SourcePath, found.SourcePath);
    }

    [Fact]
    public async Task UpdateAfterMediaAsync_SpriteAndCues_RoundTripTheirDigests()
    {
        var recording = Recording(16);
        await IngestAsync(recording);
        var sprite = new DerivativeDigest(Sha256Digest.Parse(new string('c', 64)), 48_213);
        var cues = new DerivativeDigest(Sha256Digest.Parse(new string('d', 64)), 1_877);

        await Catalog.UpdateAfterMediaAsync(
            recording with { MediaState = MediaState.Done, Sprite = sprite, SpriteCues = cues },
            new CustodyEntry(Now, "worker", CustodyActions.MediaProcessed, recording.Id.Value, "{}"),
            CancellationToken.None);
        var found = await Catalog.FindAsync(recording.Id, CancellationToken.None);

        Assert.Equal((sprite, cues), (found!.Sprite, found.SpriteCues));
        Assert.False(found.HasProxy || found.HasThumbnail);
    }

    [Fact]
    public async Task UpdateDerivativeAsync_SpriteMadeAgain_ReplacesOnlyTheSpriteDigest()
    {
        var recording = Recording(17);
        await IngestAsync(recording);
        var cues = new DerivativeDigest(Sha256Digest.Parse(new string('d', 64)), 1_877);
        await Catalog.UpdateAfterMediaAsync(
            recording with { MediaState = MediaState.Done, Sprite = new DerivativeDigest(Sha256Digest.Parse(new string('c', 64)), 10), SpriteCues = cues },
            new CustodyEntry(Now, "worker", CustodyActions.MediaProcessed, recording.Id.Value, "{}"),
            CancellationToken.None);
        var again = new DerivativeDigest(Sha256Digest.Parse(new string('e', 64)), 11);

        await Catalog.UpdateDerivativeAsync(recording.Id, Application.Vault.DerivativeKind.Sprite, again, new CustodyEntry(Now, "worker", CustodyActions.DerivativeRegenerated, recording.Id.Value, "{}"), CancellationToken.None);
        var found = await Catalog.FindAsync(recording.Id, CancellationToken.None);

        Assert.Equal((again, cues), (found!.Sprite, found.SpriteCues));
        Assert.False(found.HasProxy || found.HasThumbnail);
    }

    [Fact]
    public async Task RecordIngestAsync_WritesCustodyInSameTransaction()
    {
        var recording = Recording(5) with { Status = IngestStatus.Quarantined };
        await IngestAsync(recording);

        var entries = await Custody.ReadAsync(recording.Id.Value, CancellationToken.None);

        Assert.Equal(CustodyActions.Ingested, Assert.Single(entries).Entry.Action);
    }
}
