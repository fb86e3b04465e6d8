using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Tests.Linking;

public sealed class LinkingPolicyTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 10, 0, 0, Beijing);
    private static readonly DateTimeOffset End = new(2025, 3, 1, 11, 0, 0, Beijing);
    private static readonly OfficerId Officer = OfficerId.Parse("010203");
    private static readonly OfficerId Other = OfficerId.Parse("040506");
    private static readonly DeviceId Device = DeviceId.Parse("ABC1234");
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private static readonly CaseActivity Seizure = Activity(1, Start, End, Officer);

    private static CaseActivity Activity(long id, DateTimeOffset start, DateTimeOffset end, params OfficerId[] officers) =>
        new(id, CaseNumber.Parse("市监罚〔2025〕12号"), ProcedureStage.Investigation, "seizure", officers, null, start, end);

    private static RecordingFacts Recording(DateTimeOffset start, DateTimeOffset end, OfficerId? officer = null, DeviceId? device = null) =>
        new(RecordingId.Parse("0123456789abcdef0123"), officer ?? Officer, device, start, end, RecordingKind.Video);

    private static RecordingFacts DeviceOnlyRecording(DateTimeOffset start, DateTimeOffset end) =>
        new(RecordingId.Parse("0123456789abcdef0123"), null, Device, start, end, RecordingKind.Video);

    private static LinkDecision Decide(RecordingFacts recording, params CaseActivity[] activities) =>
        LinkingPolicy.Default.Decide(recording, activities, []);

    [Fact]
    public void Decide_EndsExactlyTenMinutesBeforeStart_Links()
    {
        var border = Start - TimeSpan.FromMinutes(10);

        var decision = Decide(Recording(border - FiveMinutes, border), Seizure);

        Assert.Equal(Seizure, Assert.IsType<LinkDecision.Linked>(decision).Activity);
    }

    [Fact]
    public void Decide_EndsOneSecondBeforeMargin_SuggestsNearMiss()
    {
        var end = Start - TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1);

        var decision = Decide(Recording(end - FiveMinutes, end), Seizure);

        var suggestion = Assert.Single(Assert.IsType<LinkDecision.Suggested>(decision).Suggestions);
        Assert.Equal(SuggestionKind.NearMissTime, suggestion.Kind);
        Assert.Equal(Seizure, suggestion.Activity);
        Assert.Contains("officer 010203 recorded 1 s before the window of activity 1", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_StartsExactlyThirtyMinutesAfterEnd_Links()
    {
        var border = End + TimeSpan.FromMinutes(30);

        var decision = Decide(Recording(border, border + FiveMinutes), Seizure);

        Assert.Equal(Seizure, Assert.IsType<LinkDecision.Linked>(decision).Activity);
    }

    [Fact]
    public void Decide_StartsOneSecondAfterMargin_SuggestsNearMiss()
    {
        var start = End + TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1);

        var decision = Decide(Recording(start, start + FiveMinutes), Seizure);

        var suggestion = Assert.Single(Assert.IsType<LinkDecision.Suggested>(decision).Suggestions);
        Assert.Equal(SuggestionKind.NearMissTime, suggestion.Kind);
        Assert.Contains("recorded 1 s after the window", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_TwelveMinutesAfterWindow_ReasonGivesMinutes()
    {
        var start = End + TimeSpan.FromMinutes(42);

        var decision = Decide(Recording(start, start + FiveMinutes), Seizure);

        var suggestion = Assert.Single(Assert.IsType<LinkDecision.Suggested>(decision).Suggestions);
        Assert.StartsWith("officer 010203 recorded 12 min after the window of activity 1 (seizure", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BeyondNearMissSlack_Unfiled()
    {
        var start = End + TimeSpan.FromMinutes(30) + TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1);

        var decision = Decide(Recording(start, start + FiveMinutes), Seizure);

        Assert.Contains("010203", Assert.IsType<LinkDecision.Unfiled>(decision).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CustomMargins_AreUsed()
    {
        var policy = new LinkingPolicy(new LinkingMargins(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero));
        var start = End + TimeSpan.FromSeconds(1);

        var decision = policy.Decide(Recording(start, start + FiveMinutes), [Seizure], []);

        Assert.IsType<LinkDecision.Unfiled>(decision);
    }

    [Fact]
    public void Decide_RecordingSpansWholeActivity_Links()
    {
        var decision = Decide(Recording(Start - TimeSpan.FromHours(1), End + TimeSpan.FromHours(1)), Seizure);

        Assert.Equal(Seizure, Assert.IsType<LinkDecision.Linked>(decision).Activity);
    }

    [Fact]
    public void Decide_DeviceBoundToOfficerAtRecordingTime_Links()
    {
        var binding = new DeviceBinding(Device, Officer, Start.AddDays(-1), null);

        var decision = LinkingPolicy.Default.Decide(DeviceOnlyRecording(Start, End), [Seizure], [binding]);

        var linked = Assert.IsType<LinkDecision.Linked>(decision);
        Assert.Equal(Seizure, linked.Activity);
        Assert.Contains("device ABC1234 bound", linked.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DeviceBindingEndedLongBeforeRecording_Unfiled()
    {
        var binding = new DeviceBinding(Device, Officer, Start.AddDays(-10), Start.AddDays(-1));

        var decision = LinkingPolicy.Default.Decide(DeviceOnlyRecording(Start, End), [Seizure], [binding]);

        Assert.Contains("bound to no officer", Assert.IsType<LinkDecision.Unfiled>(decision).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DeviceBindingEndedJustBeforeRecording_SuggestsByDeviceOnly()
    {
        // The binding ended at the recording's start (bindings are half-open), so the officer is unknown.
        var binding = new DeviceBinding(Device, Officer, Start.AddDays(-1), Start);

        var decision = LinkingPolicy.Default.Decide(DeviceOnlyRecording(Start, End), [Seizure], [binding]);

        var suggestion = Assert.Single(Assert.IsType<LinkDecision.Suggested>(decision).Suggestions);
        Assert.Equal(SuggestionKind.DeviceOnly, suggestion.Kind);
        Assert.Contains("device ABC1234 was bound to officer 010203", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DeviceBoundToAnotherOfficer_Unfiled()
    {
        var binding = new DeviceBinding(Device, Other, Start.AddDays(-1), null);

        var decision = LinkingPolicy.Default.Decide(DeviceOnlyRecording(Start, End), [Seizure], [binding]);

        Assert.IsType<LinkDecision.Unfiled>(decision);
    }

    [Fact]
    public void Decide_TwoOverlappingActivitiesOfSameOfficer_SuggestsBothWithoutLink()
    {
        var hearing = Activity(2, Start.AddMinutes(30), End.AddMinutes(30), Officer);

        var decision = Decide(Recording(Start.AddMinutes(40), Start.AddMinutes(50)), hearing, Seizure);

        var suggested = Assert.IsType<LinkDecision.Suggested>(decision);
        Assert.Equal([1L, 2L], suggested.Suggestions.Select(s => s.Activity.Id));
        Assert.All(suggested.Suggestions, s => Assert.Equal(SuggestionKind.Ambiguous, s.Kind));
    }

    [Fact]
    public void Decide_OneMatchAndOneNearMiss_LinksTheMatch()
    {
        var later = Activity(2, End.AddHours(2), End.AddHours(3), Officer);

        var decision = Decide(Recording(Start, End), Seizure, later);

        Assert.Equal(Seizure, Assert.IsType<LinkDecision.Linked>(decision).Activity);
    }

    [Fact]
    public void Decide_OfficerNotOnActivity_Unfiled()
    {
        var decision = Decide(Recording(Start, End, officer: Other), Seizure);

        Assert.Contains("040506", Assert.IsType<LinkDecision.Unfiled>(decision).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SecondOfficerOnActivity_Links()
    {
        var joint = Activity(3, Start, End, Officer, Other);

        var decision = Decide(Recording(Start, End, officer: Other), joint);

        Assert.Equal(joint, Assert.IsType<LinkDecision.Linked>(decision).Activity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-300)]
    [InlineData(345)]
    [InlineData(840)]
    public void Decide_SameInstantsInOtherOffset_SameDecision(int offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var border = (Start - TimeSpan.FromMinutes(10)).ToOffset(offset);
        var justOutside = border - TimeSpan.FromSeconds(1);

        var atBorder = Decide(Recording(border - FiveMinutes, border), Seizure);
        var outside = Decide(Recording(justOutside - FiveMinutes, justOutside), Seizure);

        Assert.IsType<LinkDecision.Linked>(atBorder);
        var suggestion = Assert.Single(Assert.IsType<LinkDecision.Suggested>(outside).Suggestions);
        Assert.Contains("recorded 1 s before the window", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoCandidates_Unfiled() =>
        Assert.Equal("no candidate activities", Assert.IsType<LinkDecision.Unfiled>(Decide(Recording(Start, End))).Reason);

    [Fact]
    public void RecordingFacts_EndBeforeStart_Throws() =>
        Assert.Throws<ArgumentException>(() => Recording(End, Start));

    [Fact]
    public void RecordingFacts_WithDuration_EndsAfterDuration() =>
        Assert.Equal(
            End,
            RecordingFacts.WithDuration(RecordingId.Parse("0123456789abcdef0123"), Officer, null, Start, TimeSpan.FromHours(1), RecordingKind.Audio).End);
}
