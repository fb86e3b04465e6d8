using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Domain.Tests.Retention;

public sealed class RetentionPolicyTests
{
    private static readonly RetentionRules Rules = RetentionRules.LoadBuiltIn();
    private static readonly DateTimeOffset Recorded = new(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(8));
    private static readonly CaseNumber CaseA = CaseNumber.Parse("罚〔2025〕1号");
    private static readonly CaseNumber CaseB = CaseNumber.Parse("罚〔2025〕2号");

    [Fact]
    public void Evaluate_NothingElse_FloorOfSixMonthsFromRecording()
    {
        var term = Evaluate(Inputs(), Recorded.AddMonths(6).AddSeconds(-1));

        Assert.Equal(RetentionState.Running, term.State);
        Assert.Equal(Recorded.AddMonths(6), term.ExpiresAt);
        Assert.Equal("floor", term.Rule);
    }

    [Fact]
    public void Evaluate_AtFloorEnd_Expired()
    {
        Assert.Equal(RetentionState.Expired, Evaluate(Inputs(), Recorded.AddMonths(6)).State);
    }

    [Fact]
    public void Evaluate_LongerCategory_CategoryWins()
    {
        var term = Evaluate(Inputs() with { Category = "public-complaint" }, Recorded.AddYears(1));

        Assert.Equal(Recorded.AddYears(3), term.ExpiresAt);
        Assert.Equal("category:public-complaint", term.Rule);
        Assert.Contains(term.Considered, c => c.StartsWith("floor", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_ShorterCategory_FloorStillWins()
    {
        var term = Evaluate(Inputs() with { Category = "training" }, Recorded.AddMonths(4));

        Assert.Equal(Recorded.AddMonths(6), term.ExpiresAt);
        Assert.Equal("floor", term.Rule);
    }

    [Theory]
    [InlineData(RecordingMark.Evidence, "mark:evidence")]
    [InlineData(RecordingMark.Obstruction, "mark:obstruction")]
    [InlineData(RecordingMark.MajorIncident, "mark:major-incident")]
    [InlineData(RecordingMark.ComplexCase, "mark:complex-case")]
    public void Evaluate_PermanentMark_Permanent(RecordingMark mark, string rule)
    {
        var term = Evaluate(Inputs() with { Marks = [mark] }, Recorded.AddYears(50));

        Assert.Equal(RetentionState.Permanent, term.State);
        Assert.Null(term.ExpiresAt);
        Assert.Equal(rule, term.Rule);
    }

    [Fact]
    public void Evaluate_ComplaintMark_NotATerm()
    {
        Assert.Equal(RetentionState.Expired, Evaluate(Inputs() with { Marks = [RecordingMark.Complaint] }, Recorded.AddYears(1)).State);
    }

    [Fact]
    public void Evaluate_LinkedToOpenCase_WaitsEvenLongAfterTheFloor()
    {
        var term = Evaluate(Inputs() with { Cases = [Case(CaseA, EnforcementType.Inspection, closedAt: null)] }, Recorded.AddYears(20));

        Assert.Equal(RetentionState.WaitingForCases, term.State);
        Assert.Equal($"case-open:{CaseA}", term.Rule);
    }

    [Fact]
    public void Evaluate_CaseClosed_InheritsCaseFileTermFromClosing()
    {
        var closed = Recorded.AddMonths(2);
        var term = Evaluate(Inputs() with { Cases = [Case(CaseA, EnforcementType.Inspection, closed)] }, Recorded.AddYears(5));

        Assert.Equal(RetentionState.Running, term.State);
        Assert.Equal(closed.AddYears(10), term.ExpiresAt);
        Assert.Equal($"case-file:{CaseA}", term.Rule);
    }

    [Fact]
    public void Evaluate_OneOfTwoCasesStillOpen_StillWaiting()
    {
        var inputs = Inputs() with { Cases = [Case(CaseA, EnforcementType.Inspection, Recorded.AddMonths(1)), Case(CaseB, EnforcementType.Licensing, null)] };

        Assert.Equal(RetentionState.WaitingForCases, Evaluate(inputs, Recorded.AddYears(40)).State);
    }

    [Fact]
    public void Evaluate_TwoClosedCases_LongestCaseFileTermWins()
    {
        var inputs = Inputs() with { Cases = [Case(CaseA, EnforcementType.Inspection, Recorded.AddMonths(1)), Case(CaseB, EnforcementType.Licensing, Recorded.AddMonths(3))] };

        var term = Evaluate(inputs, Recorded.AddYears(12));

        Assert.Equal(Recorded.AddMonths(3).AddYears(30), term.ExpiresAt);
        Assert.Equal($"case-file:{CaseB}", term.Rule);
    }

    [Fact]
    public void Evaluate_PenaltyCaseEvenOpen_PermanentBeatsWaiting()
    {
        var term = Evaluate(Inputs() with { Cases = [Case(CaseA, EnforcementType.Penalty, null)] }, Recorded.AddYears(1));

        Assert.Equal(RetentionState.Permanent, term.State);
        Assert.Equal($"case-file:{CaseA}", term.Rule);
    }

    [Fact]
    public void Evaluate_HoldOnExpiredRecording_HeldAndRemembersUnderlyingState()
    {
        var term = Evaluate(Inputs() with { Holds = [7] }, Recorded.AddYears(2));

        Assert.Equal(RetentionState.Held, term.State);
        Assert.Equal(RetentionState.Expired, term.UnderlyingState);
        Assert.Equal("legal-hold:7", term.Rule);
        Assert.Null(DeletionRiskGate.Blocker(Evaluate(Inputs(), Recorded.AddYears(2))));
        Assert.Contains("legal hold", DeletionRiskGate.Blocker(term), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_HoldOnPermanentRecording_HeldOverPermanent()
    {
        var term = Evaluate(Inputs() with { Holds = [1, 2], Marks = [RecordingMark.Obstruction] }, Recorded.AddYears(2));

        Assert.Equal(RetentionState.Held, term.State);
        Assert.Equal(RetentionState.Permanent, term.UnderlyingState);
    }

    [Fact]
    public void Evaluate_UnknownCategory_ClearError()
    {
        var error = Assert.Throws<FormatException>(() => Evaluate(Inputs() with { Category = "nonsense" }, Recorded));

        Assert.Contains("traffic", error.Message, StringComparison.Ordinal);
    }

    private static RetentionInputs Inputs() => new(Recorded, null, [], [], []);

    private static LinkedCase Case(CaseNumber number, EnforcementType type, DateTimeOffset? closedAt) =>
        new(number, type, closedAt is null ? CaseStatus.Open : CaseStatus.Closed, closedAt, null, null);

    private static RetentionTerm Evaluate(RetentionInputs inputs, DateTimeOffset now) => RetentionPolicy.Evaluate(inputs, Rules, now);
}
