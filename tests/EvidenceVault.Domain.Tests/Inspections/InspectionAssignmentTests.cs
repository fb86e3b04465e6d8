using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;

namespace EvidenceVault.Domain.Tests.Inspections;

public sealed class InspectionAssignmentTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 10, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly DrawSeed Seed = DrawSeed.Parse("583");

    private static readonly InspectionTarget[] TargetPool =
    [
        new("91110000100000001A", "甲食品有限公司", "食品", "东城"),
        new("91110000100000002B", "乙餐饮店", "食品", "东城"),
        new("91110000100000003C", "丙超市", "食品", "东城"),
        new("91110000100000004D", "丁药房", "药品", "东城"),
    ];

    private static readonly Inspector[] InspectorPool =
    [
        new("11010001", "张三", "食品", "东城"),
        new("11010002", "李四", "食品", "东城"),
        new("11010003", "王五", "食品", "东城"),
    ];

    [Fact]
    public void Targets_PlantedRowAfterCommitment_ListHashChanges()
    {
        var filter = new PoolFilter("食品", null);
        var committed = filter.Targets(TargetPool);

        var planted = filter.Targets([.. TargetPool, new InspectionTarget("91110000100000009Z", "关系户", "食品", "东城")]);

        Assert.Equal(3, committed.Candidates.Count);
        Assert.NotEqual(committed.Hash, planted.Hash);
    }

    [Fact]
    public void Assign_TwoTargetsTwoEachThreeInspectors_RankingPositionsWrapRound()
    {
        var (targets, inspectors) = Outcomes(2);
        var ranking = inspectors.Ranking.Select(r => r.Candidate.Id).ToList();
        var drawn = targets.Selected.Select(c => c.Id).ToList();

        var assigned = InspectionAssignment.Assign(targets, inspectors, 2, []);

        Assert.Equal(drawn, assigned.Select(a => a.Target));
        Assert.Equal([ranking[0], ranking[1]], assigned[0].Inspectors);
        Assert.Equal([ranking[2], ranking[0]], assigned[1].Inspectors);
    }

    [Fact]
    public void Assign_OneInspectorPerTarget_Refused() =>
        Assert.Throws<FormatException>(() => InspectionAssignment.Assign(Outcomes(1).Targets, Outcomes(1).Inspectors, 1, []));

    [Fact]
    public void Recuse_AssignedInspector_NextRankedNotOnThatTargetReplacesAndAssignRepeatsIt()
    {
        var (targets, inspectors) = Outcomes(1);
        var ranking = inspectors.Ranking.Select(r => r.Candidate.Id).ToList();
        var assigned = InspectionAssignment.Assign(targets, inspectors, 2, []);

        var recusal = InspectionAssignment.Recuse(assigned, inspectors, [], assigned[0].Target, ranking[0], "近亲属任该企业法定代表人", null, "admin", At);

        Assert.Equal(ranking[2], recusal.Replacement);
        Assert.Equal([ranking[2], ranking[1]], InspectionAssignment.Assign(targets, inspectors, 2, [recusal])[0].Inspectors);
    }

    [Fact]
    public void Recuse_NamingTheReplacement_RefusedEvenWhenItIsTheRankingsNext()
    {
        var (targets, inspectors) = Outcomes(1);
        var ranking = inspectors.Ranking.Select(r => r.Candidate.Id).ToList();
        var assigned = InspectionAssignment.Assign(targets, inspectors, 2, []);

        var refused = Assert.Throws<DrawRefusedException>(() =>
            InspectionAssignment.Recuse(assigned, inspectors, [], assigned[0].Target, ranking[0], "利害关系", ranking[2], "admin", At));

        Assert.Contains("cannot be named", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_StoredRecusalWithHandPickedReplacement_Refused()
    {
        var (targets, inspectors) = Outcomes(1);
        var ranking = inspectors.Ranking.Select(r => r.Candidate.Id).ToList();
        var target = targets.Selected[0].Id;
        var planted = new Recusal(target, ranking[0], ranking[1], "利害关系", "admin", At);

        Assert.Throws<DrawRefusedException>(() => InspectionAssignment.Assign(targets, inspectors, 2, [planted]));
    }

    private static (DrawOutcome Targets, DrawOutcome Inspectors) Outcomes(int targets)
    {
        var filter = new PoolFilter("食品", null);
        return (
            DrawAlgorithm.Run(filter.Targets(TargetPool), Seed, DrawQuota.Of(targets)),
            DrawAlgorithm.Run(filter.Inspectors(InspectorPool), Seed, DrawQuota.Of(InspectorPool.Length)));
    }
}
