using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Domain.Tests.Retention;

public sealed class RetentionTermTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    private static RetentionTerm Term(RetentionState state, int? daysFromNow = null) =>
        new(state, daysFromNow is { } d ? Now.AddDays(d) : null, "rule", []);

    public static TheoryData<RetentionState, int?, RetentionState, int?, bool> Changes => new()
    {
        { RetentionState.Permanent, null, RetentionState.Running, 100, true },
        { RetentionState.Permanent, null, RetentionState.WaitingForCases, null, true },
        { RetentionState.Permanent, null, RetentionState.Permanent, null, false },
        { RetentionState.Held, null, RetentionState.Permanent, null, true },
        { RetentionState.Held, null, RetentionState.Held, null, false },
        { RetentionState.WaitingForCases, null, RetentionState.Expired, -1, true },
        { RetentionState.WaitingForCases, null, RetentionState.Running, 100, false },
        { RetentionState.Running, 300, RetentionState.Running, 100, true },
        { RetentionState.Running, 300, RetentionState.Expired, -1, true },
        { RetentionState.Running, 100, RetentionState.Running, 300, false },
        { RetentionState.Running, 100, RetentionState.Permanent, null, false },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void IsShortenedBy_TermChange_SaysWhetherTheRecordingGoesSooner(RetentionState before, int? beforeDays, RetentionState after, int? afterDays, bool shortened) =>
        Assert.Equal(shortened, Term(before, beforeDays).IsShortenedBy(Term(after, afterDays)));

    [Fact]
    public void Flags_TermShortenedWithinSixtyDays_FlaggedUntilTheWindowEnds()
    {
        var rules = RetentionRules.LoadBuiltIn();
        var inputs = new RetentionInputs(Now.AddYears(-1), null, [], [], []) { TermShortenedAt = Now.AddDays(-59) };

        Assert.Contains(DeletionRiskGate.Flags(inputs, rules, Now), f => f.Code == "term-shortened");
        Assert.DoesNotContain(DeletionRiskGate.Flags(inputs, rules, Now.AddDays(2)), f => f.Code == "term-shortened");
    }
}
