using EvidenceVault.Domain.Draws;

namespace EvidenceVault.Domain.Tests.Draws;

public sealed class DrawRulesTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 10, 12, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("")]
    [InlineData("a1\na1\n")]
    [InlineData("一所\ta1\n二所\ta1\n")]
    [InlineData("a1\n一所\tb2\n")]
    public void Parse_EmptyDuplicateOrMixedList_Refused(string text) =>
        Assert.Throws<FormatException>(() => CandidateList.Parse(text));

    [Theory]
    [InlineData("a\0b")]
    [InlineData("a\rb")]
    [InlineData("   ")]
    public void Candidate_ControlCharacterOrBlank_Refused(string id) =>
        Assert.Throws<FormatException>(() => new DrawCandidate(id));

    [Fact]
    public void RevealWith_BeforeTheSeedIsDue_Refused()
    {
        var refused = Assert.Throws<DrawRefusedException>(() => Committed().RevealWith(DrawSeed.Parse("583"), Due.AddMinutes(-1)));

        Assert.Contains("before its seed", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RevealWith_SecondReveal_RefusedWhateverTheSeed()
    {
        var draw = Committed();
        var outcome = draw.RevealWith(DrawSeed.Parse("583"), Due);
        var revealed = draw with { Reveal = new DrawReveal(DrawSeed.Parse("583"), "sup", Due, outcome.Selected, null) };

        Assert.Throws<DrawRefusedException>(() => revealed.RevealWith(DrawSeed.Parse("584"), Due.AddHours(1)));
        Assert.Throws<DrawRefusedException>(() => revealed.RevealWith(DrawSeed.Parse("583"), Due.AddHours(1)));
    }

    [Theory]
    [InlineData("D-12")]
    [InlineData("12")]
    public void DrawId_Parse_BothForms(string text) => Assert.Equal(new DrawId(12), DrawId.Parse(text));

    [Fact]
    public void ListProblem_CandidatesChangedAfterCommitment_NamesBothHashes()
    {
        var changed = Committed() with { Candidates = CandidateList.Parse("a1\nb2\nc3\n") };

        Assert.Null(Committed().ListProblem);
        Assert.Contains(Committed().ListHash.ToString(), changed.ListProblem, StringComparison.Ordinal);
    }

    private static Draw Committed()
    {
        var candidates = CandidateList.Parse("a1\nb2\n");
        return new(new DrawId(1), DrawKind.General, "test", candidates, SeedSource.Parse("福彩3D 2026-12-10"), DrawQuota.Of(1), candidates.Hash, Due, "sup", Due.AddDays(-3), null);
    }
}
