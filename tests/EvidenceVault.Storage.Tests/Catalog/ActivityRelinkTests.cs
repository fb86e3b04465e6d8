using EvidenceVault.Application;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

/// <summary>Changing an activity on the real SQLite stores: the row, its custody entry and re-linking at the window borders.</summary>
public abstract class ActivityRelinkTests : CatalogTestBase
{
    private static readonly CaseNumber Case = CaseNumber.Parse("C-1");
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset End = Start.AddHours(1);
    private readonly SqlCaseStore _cases;
    private readonly CustodyEntries _custody = new(new TestActor(), TimeProvider.System);
    private readonly AutoLinker _linker;

    protected ActivityRelinkTests(CatalogEngine engine)
        : base(engine)
    {
        _cases = new SqlCaseStore(Database);
        _linker = new AutoLinker(_cases, Catalog, new SqlRegistry(Database), LinkingPolicy.Default, _custody);
    }

    // Margins: 10 min before the start, 30 min after the end, both ends inclusive.
    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public async Task UpdateActivity_StartMovedAroundTheMargin_KeepsOrRemovesTheAutomaticLink(int secondsPastBorder, bool linked)
    {
        var recording = Recording(1, recordedAt: Start.AddMinutes(-10));
        var activity = await OpenCaseWithLinkedRecordingAsync(recording);

        var update = await UpdateAsync(activity, start: Start.AddSeconds(secondsPastBorder));

        Assert.Equal(linked ? 0 : 1, update.Unlinked);
        Assert.Equal(linked ? LinkOrigin.Automatic : LinkOrigin.Suggested, Assert.Single(await _cases.LinksAsync(Case, recording.Id, CancellationToken.None)).Origin);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public async Task UpdateActivity_EndMovedAroundTheMargin_KeepsOrRemovesTheAutomaticLink(int secondsPastBorder, bool linked)
    {
        var recording = Recording(2, recordedAt: End.AddMinutes(30));
        var activity = await OpenCaseWithLinkedRecordingAsync(recording);

        var update = await UpdateAsync(activity, end: End.AddSeconds(secondsPastBorder));

        Assert.Equal(linked ? 0 : 1, update.Unlinked);
        Assert.Equal(linked ? LinkOrigin.Automatic : LinkOrigin.Suggested, Assert.Single(await _cases.LinksAsync(Case, recording.Id, CancellationToken.None)).Origin);
    }

    [Fact]
    public async Task UpdateActivity_WindowMovedBackOverARecording_LinksItAgain()
    {
        var recording = Recording(3, recordedAt: Start.AddMinutes(30));
        var activity = await OpenCaseWithLinkedRecordingAsync(recording);
        await UpdateAsync(activity, start: Start.AddHours(5), end: End.AddHours(5));

        var back = await UpdateAsync(activity, start: Start, end: End);

        Assert.Equal(1, back.Linked);
        Assert.Equal(LinkOrigin.Automatic, Assert.Single(await _cases.LinksAsync(Case, recording.Id, CancellationToken.None)).Origin);
    }

    [Fact]
    public async Task UpdateActivity_ManualLink_IsNeverTouched()
    {
        var recording = Recording(4, recordedAt: Start.AddMinutes(30));
        await OpenCaseWithLinkedRecordingAsync(recording);
        var attached = await new AttachRecordingHandler(_cases, Catalog, _custody).Handle(
            new AttachRecordingCommand(Case, recording.Id, ProcedureStage.Investigation, "signed on-site record"), CancellationToken.None);
        var activity = Assert.Single(await _cases.ActivitiesAsync(Case, CancellationToken.None));

        var update = await UpdateAsync(activity, start: Start.AddHours(5), end: End.AddHours(5));

        Assert.Equal(0, update.Unlinked);
        Assert.Equal(attached, Assert.Single(await _cases.LinksAsync(Case, recording.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task UpdateActivity_ChangeAndCustodyEntry_NameTheActivityIdAndNewValues()
    {
        var activity = await OpenCaseWithLinkedRecordingAsync(Recording(5, recordedAt: Start));

        await UpdateAsync(activity, start: Start.AddMinutes(5));

        var stored = Assert.Single(await _cases.ActivitiesAsync(Case, CancellationToken.None));
        var entries = await Custody.ReadAsync(Case.Value, CancellationToken.None);
        var added = Assert.Single(entries.Select(e => CustodyEntries.Read<ActivityAddedDetails>(e.Entry)).OfType<ActivityAddedDetails>());
        var changed = Assert.Single(entries.Select(e => CustodyEntries.Read<ActivityChangedDetails>(e.Entry)).OfType<ActivityChangedDetails>());
        Assert.Equal(Start.AddMinutes(5), stored.Start);
        Assert.Equal(stored.Id, added.ActivityId);
        Assert.Equal(stored.Id, changed.ActivityId);
        Assert.Equal(Start.AddMinutes(5), changed.Start);
    }

    [Fact]
    public async Task UpdateActivity_UnknownIdOrClosedCaseOrBackwards_Refused()
    {
        var activity = await OpenCaseWithLinkedRecordingAsync(Recording(6, recordedAt: Start));

        await Assert.ThrowsAsync<NotFoundException>(() => UpdateAsync(activity with { Id = 999 }, start: Start));
        await Assert.ThrowsAsync<FormatException>(() => UpdateAsync(activity, end: Start.AddSeconds(-1)));
        await new CloseCaseHandler(_cases, _custody).Handle(new CloseCaseCommand(Case), CancellationToken.None);

        // The closed file is refused once, for every case change, by the case access check the pipeline runs first.
        var log = new SqlCustodyLog(Database);
        var users = new SqlUserStore(Database);
        var access = new CaseAccess(new AccessControl(users, new TestActor(), log, _custody), users, _cases, log);
        var closed = await Assert.ThrowsAsync<CaseConflictException>(() => access.RequireAsync(new UpdateActivityCommand(Case, activity.Id, null, null, [], null, Start, null), "UpdateActivity", CancellationToken.None));
        Assert.Contains("closed", closed.Message, StringComparison.Ordinal);
    }

    private async Task<CaseActivity> OpenCaseWithLinkedRecordingAsync(Application.Catalog.RecordingEntry recording)
    {
        await IngestAsync(recording);
        var officers = new[] { OfficerId.Parse("010203") };
        await _cases.CreateAsync(new EnforcementCase(Case, EnforcementType.Penalty, "某某公司", null, officers, CaseStatus.Open, Now, null), _custody.Entry(Case.Value, new CaseCreatedDetails("Penalty", "某某公司", ["010203"])), CancellationToken.None);
        var activity = await new AddActivityHandler(_cases, _linker, _custody).Handle(
            new AddActivityCommand(Case, ProcedureStage.Investigation, "inspection", [], null, Start, End), CancellationToken.None);
        Assert.Equal(LinkOrigin.Automatic, Assert.Single(await _cases.LinksAsync(Case, recording.Id, CancellationToken.None)).Origin);
        return activity;
    }

    private async Task<ActivityUpdate> UpdateAsync(CaseActivity activity, DateTimeOffset? start = null, DateTimeOffset? end = null) =>
        await new UpdateActivityHandler(_cases, _linker, _custody).Handle(
            new UpdateActivityCommand(Case, activity.Id, null, null, [], null, start, end), CancellationToken.None);

    private sealed class TestActor : IActorContext
    {
        public string Actor => "tester";
    }
}
