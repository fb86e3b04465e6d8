using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Tests.Access;

public sealed class RetrievalTiersTests
{
    private static readonly OfficerId Zhang = OfficerId.Parse("010203");
    private static readonly OfficerId Chen = OfficerId.Parse("010204");
    private static readonly OfficerId Li = OfficerId.Parse("040506");

    [Fact]
    public void Required_OnlyOwnRecordings_NeedsNoApproval()
    {
        var tier = RetrievalTiers.Required(Officer("zhang", "一中队", Zhang), [new(Zhang, "一中队"), new(Zhang, "一中队")], outsideAgency: false);

        Assert.Equal(TierKind.Own, tier.Kind);
        Assert.False(tier.NeedsApproval);
    }

    [Fact]
    public void Required_ColleagueInOwnDepartment_NeedsOwnDepartmentHead()
    {
        var tier = RetrievalTiers.Required(Officer("zhang", "一中队", Zhang), [new(Zhang, "一中队"), new(Chen, "一中队")], outsideAgency: false);

        Assert.Equal(new ApprovalTier(TierKind.OwnDepartment, "一中队"), tier);
    }

    [Fact]
    public void Required_AnotherDepartment_NeedsThatDepartmentsHead()
    {
        var tier = RetrievalTiers.Required(Officer("wang", "法制科", null), [new(Li, "二中队")], outsideAgency: false);

        Assert.Equal(new ApprovalTier(TierKind.OtherDepartment, "二中队"), tier);
    }

    [Fact]
    public void Required_OutsideAgency_NeedsSeniorEvenForOwnRecordings()
    {
        var tier = RetrievalTiers.Required(Officer("zhang", "一中队", Zhang), [new(Zhang, "一中队")], outsideAgency: true);

        Assert.Equal(TierKind.OutsideAgency, tier.Kind);
        Assert.Contains("senior", tier.Approver, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("一中队", "二中队")]
    [InlineData("一中队", null)]
    public void Required_SeveralOrUnknownDepartments_NeedsSenior(string first, string? second)
    {
        var tier = RetrievalTiers.Required(Officer("wang", "法制科", null), [new(Zhang, first), new(Li, second)], outsideAgency: false);

        Assert.Equal(TierKind.AgencyWide, tier.Kind);
    }

    [Fact]
    public void Required_DisabledRequesterOwnRecordings_IsNotOwn()
    {
        var tier = RetrievalTiers.Required(Officer("zhang", "一中队", Zhang) with { IsActive = false }, [new(Zhang, "一中队")], outsideAgency: false);

        Assert.Equal(TierKind.OwnDepartment, tier.Kind);
    }

    [Fact]
    public void Required_NoRecordings_Throws() =>
        Assert.Throws<ArgumentException>(() => RetrievalTiers.Required(Officer("zhang", "一中队", Zhang), [], outsideAgency: false));

    [Fact]
    public void MayApprove_DepartmentTier_OnlyThatDepartmentsActiveHead()
    {
        var tier = new ApprovalTier(TierKind.OtherDepartment, "二中队");

        Assert.True(tier.MayApprove(Officer("li", "二中队", Li) with { IsDepartmentHead = true }));
        Assert.False(tier.MayApprove(Officer("zhao", "一中队", null) with { IsDepartmentHead = true }));
        Assert.False(tier.MayApprove(Officer("li", "二中队", Li)));
        Assert.False(tier.MayApprove(Officer("li", "二中队", Li) with { IsDepartmentHead = true, IsActive = false }));
        Assert.False(tier.MayApprove(Officer("boss", "办公室", null) with { IsSenior = true }));
    }

    [Theory]
    [InlineData(TierKind.OutsideAgency)]
    [InlineData(TierKind.AgencyWide)]
    public void MayApprove_LeadershipTiers_OnlySenior(TierKind kind)
    {
        var tier = new ApprovalTier(kind, null);

        Assert.True(tier.MayApprove(Officer("boss", "办公室", null) with { IsSenior = true }));
        Assert.False(tier.MayApprove(Officer("li", "二中队", Li) with { IsDepartmentHead = true }));
    }

    internal static User Officer(string name, string? department, OfficerId? officer) =>
        new(UserName.Parse(name), name, department, new HashSet<Role> { Role.Officer }, false, false, officer, true);
}
