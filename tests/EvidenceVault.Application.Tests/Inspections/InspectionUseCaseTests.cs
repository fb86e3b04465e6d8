using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;
using EvidenceVault.Domain.PriorDisclosure;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Inspections;

public sealed class InspectionUseCaseTests
{
    private const string Matter = "食品经营者监督检查";

    private const string TargetCsv = "id,name,category,area\nT1,一号餐饮,食品经营,鼓楼区\nT2,二号超市,食品经营,鼓楼区\nT3,三号面馆,食品经营,鼓楼区\nT4,四号饭店,食品经营,江东区\n";

    private const string InspectorCsv =
        "id,name,unit,category,area\n33020012341,张建国,一所,食品经营,鼓楼区\n33020012342,李卫东,一所,食品经营,鼓楼区\n33020012343,王秀英,一所,食品经营,鼓楼区\n33020012344,陈志强,一所,食品经营,鼓楼区\n33020012345,刘海燕,一所,食品经营,鼓楼区\n";

    // Monday 2025-03-03, 09:00 in Shanghai.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero));
    private readonly InMemoryAccess _actor = new() { Actor = "sup" };
    private readonly InMemoryDraws _draws = new(new InMemoryCustodyLog());
    private readonly InMemoryInspections _store;
    private readonly DisclosureRules _rules = new(WorkingDayCalendar.LoadBuiltIn());
    private readonly StationTimeZone _zone = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public InspectionUseCaseTests() => _store = new InMemoryInspections(_draws);

    private CustodyEntries Entries => new(_actor, _time);

    private InspectionReplay Replay => new(_store, _draws);

    private InMemoryCustodyLog Log => (InMemoryCustodyLog)_draws.Log;

    [Fact]
    public async Task Create_MatterOnThePublishedList_TaskWithBothDrawsCommittedToOneSeed()
    {
        var task = await CreateAsync();

        Assert.Equal(("IT-1", "D-1", "D-2"), (task.Id.ToString(), task.TargetDraw.ToString(), task.InspectorDraw.ToString()));
        Assert.Equal(["T1", "T2", "T3"], _draws.Draws[task.TargetDraw].Candidates.Candidates.Select(c => c.Id));
        Assert.Equal(4, _draws.Draws[task.InspectorDraw].Quota.Each);
        Assert.Equal([CustodyActions.DrawCommitted, CustodyActions.DrawCommitted, CustodyActions.InspectionTaskCreated], Log.Records.Skip(2).Select(r => r.Entry.Action));
        Assert.Equal("D-2", CustodyEntries.Read<InspectionTaskCreatedDetails>(Log.Records[^1].Entry)!.InspectorDraw);
    }

    [Fact]
    public async Task Create_MatterNotOnThePublishedList_RefusedAndNothingDrawn()
    {
        var refused = await Assert.ThrowsAsync<InspectionRuleException>(() => CreateAsync("临时加塞的检查").AsTask());

        Assert.Contains("随机抽查事项清单", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_draws.Draws);
        Assert.Empty(_store.Tasks);
    }

    [Fact]
    public async Task Import_InspectorPoolWithoutUnits_RefusedNamingTheHeader()
    {
        var refused = await Assert.ThrowsAsync<FormatException>(() => new ImportInspectionPoolHandler(_store, Entries).Handle(
            new ImportInspectionPoolCommand(InspectionPoolKind.Inspectors, "id,name,category,area\n33020012341,张建国,食品经营,鼓楼区\n"), CancellationToken.None).AsTask());

        Assert.Contains(PoolCsv.InspectorHeader, refused.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Pools);
    }

    [Fact]
    public async Task Reveal_BeforeTheSeedIsDue_RefusedAndNoAssignment()
    {
        var task = await CreateAsync();

        await Assert.ThrowsAsync<DrawRefusedException>(() => RevealAsync(task).AsTask());

        Assert.Null(_store.Tasks[task.Id].Assignment);
        Assert.All(_draws.Draws.Values, d => Assert.Null(d.Reveal));
    }

    [Fact]
    public async Task Reveal_SeedDue_AssignmentReplaysAndASecondRevealIsRefused()
    {
        var task = await RevealedAsync();

        Assert.Equal(2, task.Assignment!.Count);
        Assert.All(task.Assignment, a => Assert.Equal(2, a.Inspectors.Count));
        Assert.True((await ShowAsync(task)).Holds);
        await Assert.ThrowsAsync<InspectionRuleException>(() => RevealAsync(task).AsTask());
        Assert.Single(Log.Records, r => r.Entry.Action == CustodyActions.InspectionTaskRevealed);
    }

    [Fact]
    public async Task Recuse_WithoutAReason_RefusedAndNothingWritten()
    {
        var task = await RevealedAsync();
        var (target, inspector) = (task.Assignment![0].Target, task.Assignment[0].Inspectors[0]);
        var before = Log.Records.Count;

        await Assert.ThrowsAsync<FormatException>(() => RecuseAsync(task, target, inspector, "  ").AsTask());

        Assert.Empty(_store.Tasks[task.Id].Recusals);
        Assert.Equal(before, Log.Records.Count);
    }

    [Fact]
    public async Task Recuse_NamedReplacement_RefusedSoNobodyPicksTheirOwnInspector()
    {
        var task = await RevealedAsync();
        var assigned = task.Assignment![0];
        var outsider = new[] { "33020012341", "33020012342", "33020012343", "33020012344", "33020012345" }.First(i => !assigned.Inspectors.Contains(i));

        await Assert.ThrowsAsync<DrawRefusedException>(() => RecuseAsync(task, assigned.Target, assigned.Inspectors[0], "亲属关系", outsider).AsTask());

        Assert.Empty(_store.Tasks[task.Id].Recusals);
    }

    [Fact]
    public async Task Recuse_WithAReason_RankingsNextTakesThePlaceAndTheTaskStillVerifies()
    {
        var task = await RevealedAsync();
        var assigned = task.Assignment![0];

        var recusal = await RecuseAsync(task, assigned.Target, assigned.Inspectors[0], "亲属关系");

        var stored = _store.Tasks[task.Id];
        Assert.DoesNotContain(assigned.Inspectors[0], stored.Assignment![0].Inspectors);
        Assert.Contains(recusal.Replacement, stored.Assignment[0].Inspectors);
        Assert.True((await ShowAsync(stored)).Holds);
        Assert.Equal("亲属关系", CustodyEntries.Read<InspectorRecusedDetails>(Log.Records[^1].Entry)!.Reason);
    }

    [Fact]
    public async Task Outcome_TargetNotDrawn_Refused()
    {
        var task = await RevealedAsync();
        var undrawn = new[] { "T1", "T2", "T3" }.Single(t => task.Assignment!.All(a => a.Target != t));

        await Assert.ThrowsAsync<InspectionRuleException>(() => OutcomeAsync(task, undrawn).AsTask());

        Assert.Empty(_store.Tasks[task.Id].Outcomes);
    }

    [Fact]
    public async Task Outcome_FirstOfTheTask_OpensTheTwentyWorkingDayClock()
    {
        var task = await RevealedAsync();

        await OutcomeAsync(task, task.Assignment![0].Target);

        var opened = Log.Records.Single(r => r.Entry.Action == CustodyActions.DeadlineOpened).Entry;
        Assert.Equal((task.Subject, InspectionDeadlines.PublishDeadline), (opened.Subject, CustodyEntries.Read<DeadlineOpenedDetails>(opened)!.What));
        await OutcomeAsync(_store.Tasks[task.Id], task.Assignment[1].Target);
        Assert.Single(Log.Records, r => r.Entry.Action == CustodyActions.DeadlineOpened);
    }

    [Fact]
    public async Task Publish_BeforeEveryOutcome_RefusedNamingTheMissingTarget()
    {
        var task = await RevealedAsync();
        await OutcomeAsync(task, task.Assignment![0].Target);

        var refused = await Assert.ThrowsAsync<InspectionRuleException>(() => PublishAsync(task).AsTask());

        Assert.Contains(task.Assignment[1].Target, refused.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Published);
    }

    [Fact]
    public async Task Publish_Twice_SecondRefusedAndOneProjection()
    {
        var task = await FinishedAsync();

        var published = await PublishAsync(task);

        Assert.Equal(("IT-1", 2), (published.Task, published.Targets.Count));
        Assert.All(published.Targets, t => Assert.Equal(2, t.Inspectors.Count));
        Assert.All(published.Targets.SelectMany(t => t.Inspectors), i => Assert.Equal("一所", i.Unit));
        Assert.Equal("583", published.TargetDraw.Seed);
        Assert.Contains(Log.Records, r => r.Entry.Action == CustodyActions.DeadlineMet && r.Entry.Subject == task.Subject);
        await Assert.ThrowsAsync<InspectionRuleException>(() => PublishAsync(task).AsTask());
        Assert.Single(_store.Published);
    }

    [Fact]
    public async Task Publish_PlantedAssignment_RefusedAndNothingPublished()
    {
        var task = await FinishedAsync();
        var planted = _store.Tasks[task.Id] with { Assignment = [.. task.Assignment!.Select(a => a with { Inspectors = ["33020012341", "33020012342"] })] };
        _store.Tasks[task.Id] = planted;

        var refused = await Assert.ThrowsAsync<InspectionRuleException>(() => PublishAsync(planted).AsTask());

        Assert.Contains("stored assignment", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_store.Published);
    }

    [Fact]
    public async Task Recuse_PlantedAssignment_RefusedSoThePlantCannotSteerTheReplacement()
    {
        var task = await RevealedAsync();
        var first = task.Assignment![0];
        var planted = _store.Tasks[task.Id] with { Assignment = [first with { Inspectors = ["33020012341", "33020012342"] }, .. task.Assignment.Skip(1)] };
        _store.Tasks[task.Id] = planted;

        await Assert.ThrowsAsync<InspectionRuleException>(() => RecuseAsync(planted, first.Target, "33020012341", "亲属关系").AsTask());

        Assert.Empty(_store.Tasks[task.Id].Recusals);
    }

    [Fact]
    public async Task Show_PoolRewrittenAfterTheDraw_ReportsTheChangedHash()
    {
        var task = await RevealedAsync();
        var pool = _store.Pools[0];
        _store.Pools[0] = pool with { Csv = pool.Csv.Replace("三号面馆", "三号面館", StringComparison.Ordinal) };

        var shown = await ShowAsync(task);

        Assert.False(shown.Holds);
        Assert.Contains(shown.Problems, p => p.Contains("pool v1 hashes to", StringComparison.Ordinal));
    }

    private async Task<InspectionTask> FinishedAsync()
    {
        var task = await RevealedAsync();
        foreach (var a in task.Assignment!)
        {
            await OutcomeAsync(_store.Tasks[task.Id], a.Target);
        }

        return _store.Tasks[task.Id];
    }

    private async Task<InspectionTask> RevealedAsync()
    {
        var task = await CreateAsync();
        _time.Advance(TimeSpan.FromDays(2));
        return await RevealAsync(task);
    }

    private async ValueTask<InspectionTask> CreateAsync(string matter = Matter)
    {
        await new ImportInspectionPoolHandler(_store, Entries).Handle(new ImportInspectionPoolCommand(InspectionPoolKind.Targets, TargetCsv), CancellationToken.None);
        await new ImportInspectionPoolHandler(_store, Entries).Handle(new ImportInspectionPoolCommand(InspectionPoolKind.Inspectors, InspectorCsv), CancellationToken.None);
        var data = new PriorDisclosureSet(
            new EnforcementAgency("鼓楼区市场监督管理局", "市场监管", "鼓楼区", "中山路1号", "工作日"), [], [], [new RandomInspectionItem(Matter, "《食品安全法》", "食品经营者", "每年")], [], []);
        var published = new PriorDisclosureVersion(1, data, [], "admin", _time.GetUtcNow()) with { PublishedAt = _time.GetUtcNow() };
        return await new CreateInspectionTaskHandler(_store, _store, new FixedPriorDisclosure(published), Entries).Handle(
            new CreateInspectionTaskCommand(matter, new PoolFilter("食品经营", "鼓楼区"), 2, 2, SeedSource.Parse("福彩3D 2025-03-04"), _time.GetUtcNow().AddDays(1)),
            CancellationToken.None);
    }

    private ValueTask<InspectionTask> RevealAsync(InspectionTask task)
    {
        var draw = new RevealDrawHandler(_draws, new SpotCheckGrants(new AccessControl(_actor, _actor, _draws.Log, Entries), Entries, new SpotCheckLimits()), Entries);
        return new RevealInspectionTaskHandler(_store, Replay, new RevealDrawSender(draw), Entries).Handle(new RevealInspectionTaskCommand(task.Id, DrawSeed.Parse("583")), CancellationToken.None);
    }

    private ValueTask<Recusal> RecuseAsync(InspectionTask task, string target, string inspector, string reason, string? named = null) =>
        new RecuseInspectorHandler(_store, Replay, Entries).Handle(new RecuseInspectorCommand(task.Id, target, inspector, reason, named), CancellationToken.None);

    private ValueTask<InspectionOutcome> OutcomeAsync(InspectionTask task, string target) =>
        new RecordInspectionOutcomeHandler(_store, _rules, Entries, _zone).Handle(
            new RecordInspectionOutcomeCommand(task.Id, target, InspectionResult.NoProblem, "无", _zone.DayOf(_time.GetUtcNow())), CancellationToken.None);

    private ValueTask<PublishedInspection> PublishAsync(InspectionTask task) =>
        new PublishInspectionResultsHandler(_store, _store, Replay, _rules, Entries, _zone).Handle(new PublishInspectionResultsCommand(task.Id), CancellationToken.None);

    private ValueTask<InspectionVerification> ShowAsync(InspectionTask task) =>
        new ShowInspectionTaskHandler(_store, Replay).Handle(new ShowInspectionTaskQuery(task.Id), CancellationToken.None);
}
