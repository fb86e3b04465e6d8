using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Domain.Tests.Retention;

public sealed class DeletionRulesTests
{
    private static readonly RetentionRules Rules = RetentionRules.LoadBuiltIn();
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CaseNumber Case = CaseNumber.Parse("罚〔2025〕1号");

    [Fact]
    public void Flags_ComplaintMark_Flagged()
    {
        var flags = DeletionRiskGate.Flags(new RetentionInputs(Now.AddYears(-1), null, [RecordingMark.Complaint], [], []), Rules, Now);

        Assert.Equal("complaint", Assert.Single(flags).Code);
    }

    [Theory]
    [InlineData(59, new[] { "reconsideration-window", "litigation-window" })]
    [InlineData(61, new[] { "litigation-window" })]
    [InlineData(200, new string[0])]
    public void Flags_DecisionAgeInDays_AppealWindowsOpenAsConfigured(int daysAgo, string[] expected)
    {
        var decided = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-daysAgo);
        var linked = new LinkedCase(Case, EnforcementType.Inspection, CaseStatus.Closed, Now.AddDays(-daysAgo), decided, null);

        var flags = DeletionRiskGate.Flags(new RetentionInputs(Now.AddYears(-1), null, [], [linked], []), Rules, Now);

        Assert.Equal(expected, flags.Select(f => f.Code));
    }

    [Fact]
    public void Flags_RecentCaseActivity_Flagged()
    {
        var linked = new LinkedCase(Case, EnforcementType.Inspection, CaseStatus.Closed, Now.AddDays(-1), null, Now.AddDays(-10));

        var flags = DeletionRiskGate.Flags(new RetentionInputs(Now.AddYears(-1), null, [], [linked], []), Rules, Now);

        Assert.Equal("recent-case-activity", Assert.Single(flags).Code);
    }

    [Fact]
    public void EnsureMayApprove_SamePersonTwice_Refused()
    {
        var proposal = Proposal([]) with { Approvals = [new DeletionApproval("li.archivist", "expired, checked", Now)] };

        var error = Assert.Throws<DeletionRuleException>(() => proposal.EnsureMayApprove("li.archivist", "again", false));

        Assert.Contains("different person", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureMayApprove_FirstThenSecondDifferentApprover_CompletesOnlyOnSecond()
    {
        var proposal = Proposal([]);

        Assert.False(proposal.EnsureMayApprove("li.archivist", "expired", false));
        Assert.True((proposal with { Approvals = [new DeletionApproval("li.archivist", "expired", Now)] }).EnsureMayApprove("wang.archivist", "agreed", false));
    }

    [Fact]
    public void EnsureMayApprove_FlaggedWithoutAcknowledgement_Refused()
    {
        var proposal = Proposal([new RiskFlag("complaint", "a complaint concerns this recording")]);

        var error = Assert.Throws<DeletionRuleException>(() => proposal.EnsureMayApprove("li.archivist", "ok", acknowledgesRisk: false));

        Assert.Contains("complaint", error.Message, StringComparison.Ordinal);
        Assert.False(proposal.EnsureMayApprove("li.archivist", "complaint closed in 2025", acknowledgesRisk: true));
    }

    [Fact]
    public void EnsureMayApprove_NoReason_Refused()
    {
        Assert.Throws<DeletionRuleException>(() => Proposal([]).EnsureMayApprove("li.archivist", "  ", false));
    }

    [Fact]
    public void EnsureRecoverable_InsideAndAfterWindow_OnlyInside()
    {
        var approved = Proposal([]) with { Status = DeletionStatus.Approved, DestroyAfter = Now.AddDays(7) };

        approved.EnsureRecoverable(Now.AddDays(7).AddSeconds(-1));
        Assert.Throws<DeletionRuleException>(() => approved.EnsureRecoverable(Now.AddDays(7)));
        Assert.Contains("destroyed", Assert.Throws<DeletionRuleException>(() => (approved with { Status = DeletionStatus.Destroyed }).EnsureRecoverable(Now)).Message, StringComparison.Ordinal);
        Assert.True(approved.IsDueForDestruction(Now.AddDays(7)));
        Assert.False(approved.IsDueForDestruction(Now.AddDays(7).AddSeconds(-1)));
    }

    private static DeletionProposal Proposal(IReadOnlyList<RiskFlag> flags)
    {
        var sha = Sha256Digest.Parse(new string('a', 64));
        return new DeletionProposal(1, RecordingId.For(sha), sha, 10, "floor", flags, DeletionStatus.Proposed, "li.archivist", Now, [], null);
    }
}
