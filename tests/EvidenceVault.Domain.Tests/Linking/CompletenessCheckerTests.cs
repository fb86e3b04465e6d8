using System.Text;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Domain.Tests.Linking;

public sealed class CompletenessCheckerTests
{
    private static readonly CompletenessChecker BuiltIn = new(CompletenessRules.LoadBuiltIn());
    private static readonly StageActivity Seizure = new(7, "seizure");
    private static readonly EvidenceRecord Notes = new(RecordingKind.Text, "inspection-notes");

    private static IReadOnlyList<CompletenessFinding> Check(ProcedureStage stage, StageActivity[] activities, params EvidenceRecord[] records) =>
        BuiltIn.Check([new StageEvidence(stage, activities, records)]);

    private static CompletenessRules Load(string json) => CompletenessRules.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void LoadBuiltIn_ShipsTheStatutoryRules() =>
        Assert.Equal(
            ["seizure-video", "forced-demolition-video", "hearing-audio-or-video", "inspection-notes", "decision-document", "proof-of-service", "stage-trace"],
            CompletenessRules.LoadBuiltIn().Rules.Select(r => r.Id));

    [Fact]
    public void Check_SeizureWithoutVideo_ReportsFindingForTheActivity()
    {
        var findings = Check(ProcedureStage.Investigation, [Seizure], new EvidenceRecord(RecordingKind.Photo, null, 7), Notes);

        var finding = Assert.Single(findings);
        Assert.Equal(ProcedureStage.Investigation, finding.Stage);
        Assert.Equal("seizure-video", finding.RuleId);
        Assert.Equal(Seizure, finding.Activity);
        Assert.Contains("查封扣押", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SeizureWithVideo_NoFinding() =>
        Assert.Empty(Check(ProcedureStage.Investigation, [Seizure], new EvidenceRecord(RecordingKind.Video, null, 7)));

    [Fact]
    public void Check_SeizureInExecutionWithoutVideo_ReportsFinding() =>
        Assert.Equal("seizure-video", Assert.Single(Check(ProcedureStage.Execution, [Seizure], Notes)).RuleId);

    [Fact]
    public void Check_VideoOfAnotherSeizure_DoesNotCoverThisOne()
    {
        var second = new StageActivity(8, "Seizure");

        var findings = Check(ProcedureStage.Investigation, [Seizure, second], new EvidenceRecord(RecordingKind.Video, null, 7));

        Assert.Equal(second, Assert.Single(findings).Activity);
    }

    [Fact]
    public void Check_DecisionStageWithoutDecisionDocument_ReportsFinding()
    {
        var findings = Check(ProcedureStage.Decision, [], new EvidenceRecord(RecordingKind.Text, "notice"));

        var finding = Assert.Single(findings);
        Assert.Equal("decision-document", finding.RuleId);
        Assert.Null(finding.Activity);
        Assert.Contains("决定书", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DecisionDocumentAsVideo_DoesNotCount() =>
        Assert.Equal("decision-document", Assert.Single(Check(ProcedureStage.Decision, [], new EvidenceRecord(RecordingKind.Video, "decision"))).RuleId);

    [Fact]
    public void Check_ServiceWithProofOfService_NoFinding() =>
        Assert.Empty(Check(ProcedureStage.Service, [new StageActivity(9, "service")], new EvidenceRecord(RecordingKind.Text, "Proof-Of-Service")));

    [Fact]
    public void Check_HearingWithAudioOnly_NoFinding() =>
        Assert.Empty(Check(ProcedureStage.Review, [new StageActivity(3, "hearing")], new EvidenceRecord(RecordingKind.Audio, null, 3)));

    [Fact]
    public void Check_EmptyStage_ReportsMissingTrace() =>
        Assert.Equal("stage-trace", Assert.Single(Check(ProcedureStage.Start, [])).RuleId);

    [Fact]
    public void Load_CustomRulesFromStream_AreApplied()
    {
        var rules = Load("""
            {
              // comments are allowed
              "rules": [
                { "id": "start-photo", "stage": "start", "requires": ["photo"], "message": "start needs a photo" }
              ]
            }
            """);

        var findings = new CompletenessChecker(rules).Check(
        [
            new StageEvidence(ProcedureStage.Start, [], [new EvidenceRecord(RecordingKind.Video)]),
            new StageEvidence(ProcedureStage.Filing, [], []),
        ]);

        var finding = Assert.Single(findings);
        Assert.Equal(ProcedureStage.Start, finding.Stage);
        Assert.Equal("start needs a photo", finding.Message);
    }

    [Fact]
    public void Load_MalformedJson_ThrowsClearError()
    {
        var ex = Assert.Throws<FormatException>(() => Load("""{ "rules": [ { "id": "x", """));

        Assert.StartsWith("Completeness rules are not valid JSON", ex.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException, exactMatch: false);
    }

    [Theory]
    [InlineData("""[]""", "\"rules\" array")]
    [InlineData("""{"rules":[{"id":"a","stage":"Appeal","requires":"video","message":"m"}]}""", "rule #1 ('a'): unknown stage 'Appeal'")]
    [InlineData("""{"rules":[{"id":"a","requires":"film","message":"m"}]}""", "unknown kind 'film'")]
    [InlineData("""{"rules":[{"id":"a","activitytype":"seizure","requires":"video","message":"m"}]}""", "unknown field 'activitytype'")]
    [InlineData("""{"rules":[{"id":"a","requires":"video"}]}""", "\"message\" is missing")]
    [InlineData("""{"rules":[{"id":"a","requires":"video","documentType":"decision","message":"m"}]}""", "documentType applies only")]
    [InlineData("""{"rules":[{"id":"a","requires":"any","message":"m"},{"id":"A","requires":"any","message":"m"}]}""", "rule #2: the id 'A' is used twice")]
    public void Load_InvalidRule_ThrowsNamingTheProblem(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => Load(json)).Message, StringComparison.Ordinal);
}
