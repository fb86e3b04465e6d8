using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;
using EvidenceVault.Storage.Catalog;
using EvidenceVault.Testing.Inspections;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class InspectionStoreTests : CatalogTestBase
{
    private readonly SqlInspectionPoolStore _pools;
    private readonly SqlInspectionTaskStore _tasks;
    private readonly SqlPublishedInspections _public;

    protected InspectionStoreTests(CatalogEngine engine)
        : base(engine)
    {
        _pools = new SqlInspectionPoolStore(Database);
        _tasks = new SqlInspectionTaskStore(Database);
        _public = new SqlPublishedInspections(Database);
    }

    [Fact]
    public async Task ImportAsync_TwoVersions_LatestPerKindAndEachKeptWithItsHashAndEntry()
    {
        var targets = await ImportAsync(InspectionPoolKind.Targets, InspectionSamples.Targets);
        var inspectors = await ImportAsync(InspectionPoolKind.Inspectors, InspectionSamples.Inspectors);
        var second = await ImportAsync(InspectionPoolKind.Targets, InspectionSamples.Targets.Replace("一号", "壹号", StringComparison.Ordinal));

        Assert.Equal((1L, 2L, 3L), (targets.Version, inspectors.Version, second.Version));
        Assert.Equal(3, (await _pools.LatestAsync(InspectionPoolKind.Targets, CancellationToken.None))!.Version);
        Assert.Equal(2, (await _pools.LatestAsync(InspectionPoolKind.Inspectors, CancellationToken.None))!.Version);
        var first = await _pools.FindAsync(1, CancellationToken.None);
        Assert.Equal((InspectionSamples.Targets, InspectionPool.HashOf(InspectionSamples.Targets), 6), (first!.Csv, first.Sha256, first.Members));
        Assert.Equal("宁波鼓楼一号餐饮有限公司", first.Targets[0].Name);
        Assert.Equal([CustodyActions.InspectionPoolChanged], (await Custody.ReadAsync("inspection-pool/v3", CancellationToken.None)).Select(r => r.Entry.Action));
    }

    [Fact]
    public async Task ImportAsync_StoredVersionUpdatedBehindTheStore_Refused()
    {
        await ImportAsync(InspectionPoolKind.Targets, InspectionSamples.Targets);

        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("UPDATE inspection_pools SET csv = 'id,name,category,area' WHERE id = 1"));

        Assert.Equal(InspectionSamples.Targets, (await _pools.FindAsync(1, CancellationToken.None))!.Csv);
    }

    [Fact]
    public async Task Tasks_CreateRevealRecuseOutcomePublish_RoundTripAndProjectedOnlyAfterPublish()
    {
        var task = await CreateTaskAsync();
        TargetAssignment[] assignment = [new("T1", ["I1", "I2"]), new("T2", ["I3", "I4"])];
        var recusal = new Recusal("T1", "I1", "I3", "亲属关系", "sup", Now);
        var outcome = new InspectionOutcome("T1", InspectionResult.Rectification, "责令限期整改", new DateOnly(2025, 3, 3), "sup", Now);

        Assert.True(await _tasks.RevealAsync(task.Id, assignment, Now, Entry(task), CancellationToken.None));
        Assert.False(await _tasks.RevealAsync(task.Id, [], Now, Entry(task), CancellationToken.None));
        await _tasks.RecuseAsync(task.Id, 1, recusal, [new("T1", ["I3", "I2"]), assignment[1]], Entry(task), CancellationToken.None);
        await _tasks.RecordOutcomeAsync(task.Id, outcome, [Entry(task)], CancellationToken.None);
        Assert.Empty(await _public.ListAsync(CancellationToken.None));
        await _tasks.PublishAsync(Published(task), "sup", [Entry(task)], CancellationToken.None);

        var found = await _tasks.FindAsync(task.Id, CancellationToken.None);
        Assert.Equal(["T1: I3, I2", "T2: I3, I4"], InspectionReplay.Lines(found!.Assignment!));
        Assert.Equal([recusal], found.Recusals);
        Assert.Equal([outcome], found.Outcomes);
        Assert.Equal(("sup", Now.AddDays(3)), (found.PublishedBy, found.PublishedAt));
        Assert.Equal((task.Matter, task.Filter, task.TargetDraw), (found.Matter, found.Filter, found.TargetDraw));
        Assert.Equal(5, (await Custody.ReadAsync(task.Subject, CancellationToken.None)).Count);
        var shown = Assert.Single(await _public.ListAsync(CancellationToken.None));
        Assert.Equal(("IT-1", "宁波鼓楼一号餐饮有限公司"), (shown.Task, shown.Targets[0].Name));
        Assert.Equal((shown.Task, shown.TargetDraw.Candidates, shown.PublishedAt), await _public.FindAsync("IT-1", CancellationToken.None) is { } one ? (one.Task, one.TargetDraw.Candidates, one.PublishedAt) : default);
        Assert.Null(await _public.FindAsync("IT-9", CancellationToken.None));
        Assert.Null(await _public.FindAsync("<script>", CancellationToken.None));
    }

    [Fact]
    public async Task Tasks_RecusalNumberTakenOrOutcomeTwiceOrPublished_RefusedAndNothingWritten()
    {
        var task = await CreateTaskAsync();
        await _tasks.RevealAsync(task.Id, [new("T1", ["I1", "I2"])], Now, Entry(task), CancellationToken.None);
        var outcome = new InspectionOutcome("T1", InspectionResult.NoProblem, "无", new DateOnly(2025, 3, 3), "sup", Now);
        await _tasks.RecuseAsync(task.Id, 1, new Recusal("T1", "I1", "I3", "亲属", "sup", Now), [new("T1", ["I3", "I2"])], Entry(task), CancellationToken.None);
        await _tasks.RecordOutcomeAsync(task.Id, outcome, [Entry(task)], CancellationToken.None);

        await Assert.ThrowsAsync<InspectionRuleException>(() => _tasks.RecuseAsync(task.Id, 1, new Recusal("T1", "I2", "I4", "同学", "sup", Now), [], Entry(task), CancellationToken.None));
        await Assert.ThrowsAsync<InspectionRuleException>(() => _tasks.RecordOutcomeAsync(task.Id, outcome, [Entry(task)], CancellationToken.None));
        await _tasks.PublishAsync(Published(task), "sup", [Entry(task)], CancellationToken.None);
        await Assert.ThrowsAsync<InspectionRuleException>(() => _tasks.PublishAsync(Published(task), "sup", [Entry(task)], CancellationToken.None));
        await Assert.ThrowsAsync<InspectionRuleException>(() => _tasks.RecuseAsync(task.Id, 2, new Recusal("T1", "I2", "I4", "同学", "sup", Now), [], Entry(task), CancellationToken.None));

        var found = await _tasks.FindAsync(task.Id, CancellationToken.None);
        Assert.Single(found!.Recusals);
        Assert.Equal(["T1: I3, I2"], InspectionReplay.Lines(found.Assignment!));
        Assert.Equal(5, (await Custody.ReadAsync(task.Subject, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task CreateAsync_SecondDrawWriteFails_NothingLeftBehind()
    {
        var before = await Custody.CountAsync(CancellationToken.None);
        var broken = Plan(DrawKind.Inspectors) with { Custody = _ => throw new IOException("disk gone between the two draws") };

        await Assert.ThrowsAsync<IOException>(() => CreateTaskAsync(inspectors: broken));

        Assert.Empty(await _tasks.ListAsync(CancellationToken.None));
        Assert.Empty(await new SqlDrawStore(Database).ListAsync(CancellationToken.None));
        Assert.Equal(before + 2, await Custody.CountAsync(CancellationToken.None));
        var task = await CreateTaskAsync(importPools: false);
        Assert.Equal(("IT-1", "D-1", "D-2"), (task.Id.ToString(), task.TargetDraw.ToString(), task.InspectorDraw.ToString()));
    }

    private async Task<InspectionTask> CreateTaskAsync(DrawPlan? inspectors = null, bool importPools = true)
    {
        if (importPools)
        {
            await ImportAsync(InspectionPoolKind.Targets, InspectionSamples.Targets);
            await ImportAsync(InspectionPoolKind.Inspectors, InspectionSamples.Inspectors);
        }

        return await _tasks.CreateAsync(
            Plan(DrawKind.InspectionTargets),
            inspectors ?? Plan(DrawKind.Inspectors),
            (id, t, i) => new InspectionTask(id, InspectionSamples.Matter, new PoolFilter("食品经营", "鼓楼区"), 2, 2, 1, 2, t.Id, i.Id, "sup", Now),
            t => Entry(t),
            CancellationToken.None);
    }

    private static DrawPlan Plan(DrawKind kind)
    {
        var list = CandidateList.Parse("T1\nT2\n");
        return new DrawPlan(
            id => new Draw(id, kind, "双随机", list, SeedSource.Parse("福彩3D 2025-03-02"), DrawQuota.Of(2), list.Hash, Now.AddDays(1), "sup", Now, null),
            d => new CustodyEntry(Now, "tester", CustodyActions.DrawCommitted, d.Id.ToString(), "{}"));
    }

    private Task<InspectionPool> ImportAsync(InspectionPoolKind kind, string csv) => _pools.ImportAsync(
        version => new InspectionPool(version, kind, csv, InspectionPool.HashOf(csv), "sup", Now),
        p => new CustodyEntry(Now, "tester", CustodyActions.InspectionPoolChanged, p.Subject, "{}"),
        CancellationToken.None);

    private static PublishedInspection Published(InspectionTask task)
    {
        var terms = new PublishedDrawTerms("D-1", "T1\nT2\n", "00", "福彩3D 2025-03-02", "583", ["2"], DrawAlgorithm.Version, "00");
        return new PublishedInspection(
            task.Id.ToString(),
            task.Matter,
            Now.AddDays(3),
            [new PublishedInspectionTarget("T1", "宁波鼓楼一号餐饮有限公司", [new PublishedInspector("I3", "王秀英")], "未发现问题", "无", new DateOnly(2025, 3, 3))],
            terms,
            terms with { Draw = "D-2" },
            2,
            InspectionAssignment.Version,
            []);
    }

    private static CustodyEntry Entry(InspectionTask task) => new(Now, "tester", "inspection.test", task.Subject, "{}");
}
