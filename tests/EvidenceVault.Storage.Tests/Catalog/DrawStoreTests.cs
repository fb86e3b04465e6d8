using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.SpotChecks;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class DrawStoreTests(CatalogEngine engine) : CatalogTestBase(engine)
{
    [Fact]
    public async Task Draws_CreateRevealFind_RoundTripWithCustodyEntries()
    {
        var store = new SqlDrawStore(Database);
        var first = await store.CreateAsync(id => Committed(id, DrawQuota.Of(1)), d => Entry(CustodyActions.DrawCommitted, d.Id.ToString()), CancellationToken.None);
        var second = await store.CreateAsync(id => Committed(id, DrawQuota.Parse(["一所=2", "二所=1"])), d => Entry(CustodyActions.DrawCommitted, d.Id.ToString()), CancellationToken.None);
        var outcome = second.RevealWith(DrawSeed.Parse("583"), second.SeedDueAt);
        Draw Revealed(RetrievalId? grant) => second with { Reveal = new DrawReveal(DrawSeed.Parse("583"), "sup", second.SeedDueAt, outcome.Selected, grant) };

        Assert.NotNull(await store.RevealAsync(Revealed, d => Entry(CustodyActions.DrawRevealed, d.Id.ToString()), Grant(), CancellationToken.None));
        var found = await store.FindAsync(second.Id, CancellationToken.None);

        Assert.Equal(["D-1", "D-2"], new[] { first.Id.ToString(), second.Id.ToString() });
        Assert.NotNull(found);
        Assert.Null(found.ListProblem);
        Assert.Equal(second.Commitment, found.Commitment);
        Assert.Equal((second.Title, second.SeedSource, second.SeedDueAt, "sup"), (found.Title, found.SeedSource, found.SeedDueAt, found.CommittedBy));
        Assert.Equal(["一所\tr2", "一所\tr1", "二所\tr3"], found.Reveal!.Selected.Select(c => c.Line));
        Assert.Equal((new RetrievalId(1), "583"), (found.Reveal.Grant, found.Reveal.Seed.Value));
        Assert.Equal(["D-2 r1"], (await new SqlRetrievalStore(Database).ListAsync(CancellationToken.None)).Select(g => g.Purpose));
        Assert.Equal(["D-2", "D-1"], (await store.ListAsync(CancellationToken.None)).Select(d => d.Id.ToString()));
        Assert.Equal([CustodyActions.DrawCommitted, CustodyActions.DrawRevealed], (await Custody.ReadAsync("D-2", CancellationToken.None)).Select(r => r.Entry.Action));
    }

    [Fact]
    public async Task Reveal_SecondTime_NothingWrittenAndFirstSeedKept()
    {
        var store = new SqlDrawStore(Database);
        var draw = await store.CreateAsync(id => Committed(id, DrawQuota.Of(1)), d => Entry(CustodyActions.DrawCommitted, d.Id.ToString()), CancellationToken.None);
        Func<RetrievalId?, Draw> With(string seed) => grant => draw with { Reveal = new DrawReveal(DrawSeed.Parse(seed), "sup", Now, draw.RevealWith(DrawSeed.Parse(seed), draw.SeedDueAt).Selected, grant) };

        Assert.NotNull(await store.RevealAsync(With("583"), d => Entry(CustodyActions.DrawRevealed, d.Id.ToString()), Grant(), CancellationToken.None));
        Assert.Null(await store.RevealAsync(With("999"), d => Entry(CustodyActions.DrawRevealed, d.Id.ToString()), Grant(), CancellationToken.None));

        Assert.Equal("583", (await store.FindAsync(draw.Id, CancellationToken.None))?.Reveal?.Seed.Value);
        Assert.Equal(2, (await Custody.ReadAsync("D-1", CancellationToken.None)).Count);
        Assert.Single(await new SqlRetrievalStore(Database).ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reveal_FailsAfterTheGrantIsWritten_NeitherGrantNorRevealKept()
    {
        var store = new SqlDrawStore(Database);
        var draw = await store.CreateAsync(id => Committed(id, DrawQuota.Of(1)), d => Entry(CustodyActions.DrawCommitted, d.Id.ToString()), CancellationToken.None);
        var selected = draw.RevealWith(DrawSeed.Parse("583"), draw.SeedDueAt).Selected;

        await Assert.ThrowsAsync<IOException>(() => store.RevealAsync(
            grant => draw with { Reveal = new DrawReveal(DrawSeed.Parse("583"), "sup", Now, selected, grant) },
            _ => throw new IOException("the process died before the reveal's entry"),
            Grant(),
            CancellationToken.None));

        Assert.Null((await store.FindAsync(draw.Id, CancellationToken.None))?.Reveal);
        Assert.Empty(await new SqlRetrievalStore(Database).ListAsync(CancellationToken.None));
        Assert.Empty(await Custody.ReadAsync("R-1", CancellationToken.None));
    }

    [Fact]
    public async Task SpotCheckReviews_AddList_RoundTripInOrderWithCustodyEntry()
    {
        var draw = await new SqlDrawStore(Database).CreateAsync(id => Committed(id, DrawQuota.Of(1)), d => Entry(CustodyActions.DrawCommitted, d.Id.ToString()), CancellationToken.None);
        var store = new SqlSpotCheckReviewStore(Database);
        var recording = Recording(1).Id;
        var failed = new SpotCheckReview(draw.Id, recording, "sup", Now, [new ChecklistFinding("identity shown", false, "证件未出示")], "重新培训");
        var passed = failed with { At = Now.AddHours(1), Findings = [new ChecklistFinding("identity shown", true, null)], FollowUp = null };

        await store.AddAsync(failed, Entry(CustodyActions.SpotCheckReviewed, recording.Value), CancellationToken.None);
        await store.AddAsync(passed, Entry(CustodyActions.SpotCheckReviewed, recording.Value), CancellationToken.None);
        var found = await store.ListAsync(draw.Id, CancellationToken.None);

        Assert.Equal([false, true], found.Select(r => r.Passed));
        Assert.Equal(failed.Findings, found[0].Findings);
        Assert.Equal(("重新培训", Now), (found[0].FollowUp, found[0].At));
        Assert.Equal(2, (await Custody.ReadAsync(recording.Value, CancellationToken.None)).Count);
    }

    private static RevealGrant Grant() => new(
        id => new RetrievalRequest(
            id,
            UserName.Parse("sup"),
            null,
            [Recording(1).Id],
            "D-2 r1",
            new RetrievalPeriod(Now, Now.AddDays(14)),
            null,
            new ApprovalTier(TierKind.AgencyWide, null),
            RetrievalStatus.Approved,
            Now,
            new RetrievalDecision(UserName.Parse("sup"), Now, "spot check"),
            null),
        r => Entry(CustodyActions.RetrievalRequested, r.Id.ToString()));

    private static CustodyEntry Entry(string action, string subject) => new(Now, "tester", action, subject, "{}");

    private static Draw Committed(DrawId id, DrawQuota quota)
    {
        var candidates = CandidateList.Parse("一所\tr1\n一所\tr2\n二所\tr3\n二所\tr4\n");
        return new Draw(id, DrawKind.SpotCheck, "2025年3月 执法记录抽查", candidates, SeedSource.Parse("福彩3D 2025-03-02"), quota, candidates.Hash, Now.AddDays(1), "sup", Now, null);
    }
}
