using EvidenceVault.Domain.Draws;

namespace EvidenceVault.Domain.Tests.Draws;

/// <summary>
/// Known answers computed once outside .NET with coreutils, e.g.
/// <c>printf 'a1\nb2\nc3\nd4\n' | sha256sum</c> and <c>printf '%s\0%s' 583 a1 | sha256sum</c>.
/// </summary>
public sealed class DrawAlgorithmTests
{
    private static readonly DrawSeed Seed = DrawSeed.Parse("583");

    private static CandidateList Plain(params string[] ids) => CandidateList.Of(ids.Select(id => new DrawCandidate(id)));

    [Fact]
    public void Hash_KnownList_MatchesSha256sumOfTheCanonicalText() =>
        Assert.Equal("28f276dfb86fd67ae91f3fd48f8f606386072e066e31a8a2669ccc024bea09c3", Plain("c3", "a1", "d4", "b2").Hash.ToString());

    [Fact]
    public void Hash_AboveTheBasicPlane_SortsByUtf8BytesAsCSort()
    {
        // printf '～\n𝟘\n' | sha256sum: U+FF5E (EF BD 9E) sorts before U+1D7D8 (F0 ...), unlike UTF-16 ordinal order.
        var list = Plain("𝟘", "～");

        Assert.Equal("～\n𝟘\n", list.Canonical);
        Assert.Equal("8821359ea6406254110f521610246ab6c1aac278fd6ca7c8a6a91a7e9aad7996", list.Hash.ToString());
    }

    [Fact]
    public void Score_KnownSeedAndId_MatchesPrintfNulSha256sum() =>
        Assert.Equal("168fb23c027788ac1763b6aa7d9a4853461d31411358a8d7167543a4bd0e6968", DrawAlgorithm.Score(Seed, new DrawCandidate("a1")).Hex);

    [Fact]
    public void Run_KnownVector_RanksByScoreAndTakesTheFirstN()
    {
        var outcome = DrawAlgorithm.Run(Plain("a1", "b2", "c3", "d4"), Seed, DrawQuota.Of(2));

        Assert.Equal(["a1", "d4", "b2", "c3"], outcome.Ranking.Select(r => r.Candidate.Id));
        Assert.Equal(["a1", "d4"], outcome.Selected.Select(c => c.Id));
        Assert.Equal([1, 2, 3, 4], outcome.Ranking.Select(r => r.Rank));
    }

    [Fact]
    public void Run_StratifiedKnownVector_RanksEachStratumWithItsPrefix()
    {
        // printf '%s\0%s' 583 $'一所\tr2' | sha256sum → ce9b… beats r1's cf98…; 二所: r3 5d4c… beats r4 c1e3….
        var list = CandidateList.Parse("二所\tr4\n一所\tr1\r\n\n二所\tr3\n一所\tr2\n");

        var outcome = DrawAlgorithm.Run(list, Seed, DrawQuota.Of(1));

        Assert.Equal("c8d38f935cc9af58782daafa78a4da6ff6d4f73c8a2fbd481405c5c350a39bea", list.Hash.ToString());
        Assert.Equal(["r2", "r3"], outcome.Selected.Select(c => c.Id));
        Assert.Equal("ce9bfa872604b5831a84c7846f07af62bcaa8a78cf4a7e94a3834207c8699e9a", outcome.Ranking[0].Score.Hex);
    }

    [Fact]
    public void Run_PerStratumQuota_TakesEachStratumsOwnNumber()
    {
        var list = CandidateList.Parse("一所\tr1\n一所\tr2\n二所\tr3\n二所\tr4\n");

        var outcome = DrawAlgorithm.Run(list, Seed, DrawQuota.Parse(["一所=2", "二所=1"]));

        Assert.Equal(["r2", "r1", "r3"], outcome.Selected.Select(c => c.Id));
    }

    [Fact]
    public void Run_QuotaLargerThanTheStratum_TakesAllItHas() =>
        Assert.Equal(2, DrawAlgorithm.Run(Plain("a1", "b2"), Seed, DrawQuota.Of(5)).Selected.Count);

    [Fact]
    public void Run_PerStratumQuotaMissingAStratum_RefusedNamingBoth()
    {
        var list = CandidateList.Parse("一所\tr1\n二所\tr3\n");

        var refused = Assert.Throws<FormatException>(() => DrawAlgorithm.Run(list, Seed, DrawQuota.Parse(["一所=1"])));

        Assert.Contains("二所", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(64)]
    public void Run_SameInputsInAnyOrder_SameOutcome(int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"id-{i}").ToArray();

        var forward = DrawAlgorithm.Run(Plain(ids), Seed, DrawQuota.Of(2));
        var backward = DrawAlgorithm.Run(Plain([.. ids.Reverse()]), DrawSeed.Parse(" 583 "), DrawQuota.Of(2));

        Assert.Equal(forward.Ranking, backward.Ranking);
    }

    [Fact]
    public void Run_OtherSeeds_ChangeTheOutcome()
    {
        var list = Plain([.. Enumerable.Range(0, 50).Select(i => $"id-{i}")]);

        var outcomes = Enumerable.Range(0, 20)
            .Select(s => string.Join(",", DrawAlgorithm.Run(list, DrawSeed.Parse($"seed-{s}"), DrawQuota.Of(3)).Selected.Select(c => c.Id)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(outcomes.Count >= 19, $"only {outcomes.Count} distinct samples from 20 seeds");
    }

    [Fact]
    public void Terms_KnownStatement_CommitmentMatchesSha256sum()
    {
        var terms = new DrawTerms(Plain("a1", "b2", "c3", "d4").Hash, SeedSource.Parse("福彩3D 2026-12-10"), DrawQuota.Of(2));

        Assert.Equal("ev-draw-1\ncandidates 28f276dfb86fd67ae91f3fd48f8f606386072e066e31a8a2669ccc024bea09c3\nseed-source 福彩3D 2026-12-10\ntake 2\n", terms.Statement);
        Assert.Equal("d61f96a602081988c58958057b7a3b609b5e383f3c5a26a90254230d101cc0f6", terms.Commitment.ToString());
    }

    [Fact]
    public void Terms_CandidateAddedRemovedOrRenamed_CommitmentNoLongerMatches()
    {
        var source = SeedSource.Parse("福彩3D 2026-12-10");
        var committed = new DrawTerms(Plain("a1", "b2", "c3").Hash, source, DrawQuota.Of(1)).Commitment;

        Assert.NotEqual(committed, new DrawTerms(Plain("a1", "b2", "c3", "x9").Hash, source, DrawQuota.Of(1)).Commitment);
        Assert.NotEqual(committed, new DrawTerms(Plain("a1", "b2").Hash, source, DrawQuota.Of(1)).Commitment);
        Assert.NotEqual(committed, new DrawTerms(Plain("a1", "b2", "c4").Hash, source, DrawQuota.Of(1)).Commitment);
        Assert.NotEqual(committed, new DrawTerms(Plain("a1", "b2", "c3").Hash, source, DrawQuota.Of(2)).Commitment);
        Assert.NotEqual(committed, new DrawTerms(Plain("a1", "b2", "c3").Hash, SeedSource.Parse("福彩3D 2026-12-11"), DrawQuota.Of(1)).Commitment);
    }
}
