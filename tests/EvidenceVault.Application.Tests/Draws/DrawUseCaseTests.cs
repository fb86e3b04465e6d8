using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Draws;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Draws;

public sealed class DrawUseCaseTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDraws _draws = new(new InMemoryCustodyLog());
    private readonly InMemoryAccess _actor = new() { Actor = "sup" };

    private CustodyEntries Entries => new(_actor, _time);

    private DateTimeOffset SeedDue => _time.GetUtcNow().AddDays(3);

    [Fact]
    public async Task Commit_SeedAlreadyDue_RefusedSoNoKnownSeedCanBeChosen()
    {
        var refused = await Assert.ThrowsAsync<FormatException>(() => CommitAsync(_time.GetUtcNow()).AsTask());

        Assert.Contains("not in the future", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_draws.Draws);
    }

    [Fact]
    public async Task Commit_WritesTheCommitmentToTheLedger()
    {
        var draw = await CommitAsync(SeedDue);

        var entry = (await _draws.Log.ReadAsync("D-1", CancellationToken.None)).Single().Entry;
        var details = CustodyEntries.Read<DrawCommittedDetails>(entry);
        Assert.Equal((draw.Commitment.ToString(), draw.ListHash.ToString(), "ev-draw-1", 4), (details?.Commitment, details?.ListSha256, details?.Algorithm, details?.Candidates));
    }

    [Fact]
    public async Task Reveal_BeforeTheSeedIsDue_Refused()
    {
        var draw = await CommitAsync(SeedDue);

        await Assert.ThrowsAsync<DrawRefusedException>(() => RevealAsync(draw, "583").AsTask());

        Assert.Null(_draws.Draws[draw.Id].Reveal);
    }

    [Fact]
    public async Task Reveal_SecondTimeWithAnotherSeed_RefusedAndTheFirstOutcomeKept()
    {
        var draw = await CommitAsync(SeedDue);
        _time.Advance(TimeSpan.FromDays(3));
        var first = await RevealAsync(draw, "583");

        var refused = await Assert.ThrowsAsync<DrawRefusedException>(() => RevealAsync(draw, "999").AsTask());

        Assert.Contains("already revealed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(first.Reveal, _draws.Draws[draw.Id].Reveal);
        Assert.Equal(["a1", "d4"], first.Reveal!.Selected.Select(c => c.Id));
    }

    [Fact]
    public async Task Verify_Untouched_Holds()
    {
        var draw = await CommitAsync(SeedDue);
        _time.Advance(TimeSpan.FromDays(3));
        await RevealAsync(draw, "583");

        var verified = await VerifyAsync(draw);

        Assert.True(verified.Holds, string.Join("; ", verified.Problems));
        Assert.Equal(4, verified.Outcome!.Ranking.Count);
    }

    [Fact]
    public async Task Verify_CandidateSlippedIntoTheStoredList_ReportsTheChangedList()
    {
        var draw = await CommitAsync(SeedDue);
        _draws.Draws[draw.Id] = draw with { Candidates = CandidateList.Parse("a1\nb2\nc3\nd4\ne5\n") };

        var verified = await VerifyAsync(draw);

        Assert.False(verified.Holds);
        Assert.Contains(verified.Problems, p => p.Contains("list was changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_StoredSeedAndSelectionRewritten_ReportsTheLedgersSeed()
    {
        var draw = await CommitAsync(SeedDue);
        _time.Advance(TimeSpan.FromDays(3));
        var revealed = await RevealAsync(draw, "583");
        var forged = DrawSeed.Parse("584");
        _draws.Draws[draw.Id] = revealed with { Reveal = revealed.Reveal! with { Seed = forged, Selected = DrawAlgorithm.Run(draw.Candidates, forged, draw.Quota).Selected } };

        var verified = await VerifyAsync(draw);

        Assert.Contains(verified.Problems, p => p.Contains("seed '583'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reveal_TamperedList_Refused()
    {
        var draw = await CommitAsync(SeedDue);
        _time.Advance(TimeSpan.FromDays(3));
        _draws.Draws[draw.Id] = draw with { Candidates = CandidateList.Parse("a1\nb2\n") };

        await Assert.ThrowsAsync<DrawRefusedException>(() => RevealAsync(draw, "583").AsTask());
    }

    private ValueTask<Draw> CommitAsync(DateTimeOffset seedDue) =>
        new CommitDrawHandler(_draws, Entries).Handle(
            new CommitDrawCommand(DrawKind.General, "test", [.. "a1 b2 c3 d4".Split(' ').Select(id => new DrawCandidate(id))], SeedSource.Parse("福彩3D 2026-12-10"), DrawQuota.Of(2), seedDue),
            CancellationToken.None);

    private ValueTask<Draw> RevealAsync(Draw draw, string seed) =>
        new RevealDrawHandler(_draws, new SpotCheckGrants(new AccessControl(_actor, _actor, _draws.Log, Entries), Entries, new SpotCheckLimits()), Entries).Handle(new RevealDrawCommand(draw.Id, DrawSeed.Parse(seed)), CancellationToken.None);

    private ValueTask<DrawVerification> VerifyAsync(Draw draw) =>
        new VerifyDrawHandler(_draws, _draws.Log).Handle(new VerifyDrawQuery(draw.Id), CancellationToken.None);
}
