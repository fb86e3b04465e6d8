using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Application.Tests.Access;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.SpotChecks;

namespace EvidenceVault.Application.Tests.SpotChecks;

/// <summary>A supervisor (wang) draws one recording per officer and month; zhang has two recordings, li one.</summary>
public sealed class SpotCheckTests
{
    private readonly AccessFixture _f = new AccessFixture().WithStaff();
    private readonly InMemoryDraws _draws;
    private readonly SpotCheckLimits _limits = new();
    private readonly RecordingEntry _zhangsSecond;

    public SpotCheckTests()
    {
        _draws = new(new InMemoryCustodyLog(), _f.Access);
        var digest = Sha256Digest.Parse("cc" + new string('0', 62));
        _zhangsSecond = _f.ZhangsRecording with { Id = RecordingId.For(digest), Sha256 = digest, SourcePath = "cc.mp4" };
        _f.Catalog.Recordings[_zhangsSecond.Id] = _zhangsSecond;
        _f.Access.Actor = "wang";
    }

    [Fact]
    public async Task Commit_StratifiesByOfficerAndMonth()
    {
        var draw = await CommitAsync();

        Assert.Equal(["010203 2025-03", "040506 2025-03"], draw.Candidates.Strata);
        Assert.Equal(DrawKind.SpotCheck, draw.Kind);
    }

    [Fact]
    public async Task Reveal_IssuesAnExpiringGrantWithPurposeForExactlyTheSample()
    {
        var revealed = await RevealAsync(await CommitAsync(), "583");

        var grant = _f.Access.Requests[revealed.Reveal!.Grant!.Value];
        Assert.Equal((RetrievalStatus.Approved, "wang", "抽查 D-1"), (grant.Status, grant.Requester.Value, grant.Purpose));
        Assert.Equal(revealed.Reveal.Selected.Select(c => c.Id).Order(StringComparer.Ordinal), grant.Recordings.Select(r => r.Value).Order(StringComparer.Ordinal));
        Assert.Equal(_f.Time.GetUtcNow().AddDays(14), grant.Period.Until);
        await _f.Recordings.RequireAsync(grant.Recordings, grant.Id, CancellationToken.None);
    }

    [Fact]
    public async Task Attack_ReviewerOpensARecordingOutsideTheSample_Refused()
    {
        var revealed = await RevealAsync(await CommitAsync(), "583");
        var sampled = revealed.Reveal!.Selected.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var outside = new[] { _f.ZhangsRecording.Id, _zhangsSecond.Id }.Single(id => !sampled.Contains(id.Value));

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Recordings.RequireAsync([outside], revealed.Reveal.Grant, CancellationToken.None));

        Assert.Contains("does not cover", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, _f.Denials);
    }

    [Fact]
    public async Task Attack_ReviewerOpensASampledRecordingAfterTheGrantExpired_Refused()
    {
        var revealed = await RevealAsync(await CommitAsync(), "583");
        var sampled = RecordingId.Parse(revealed.Reveal!.Selected[0].Id);
        _f.Time.Advance(TimeSpan.FromDays(14));

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => _f.Recordings.RequireAsync([sampled], revealed.Reveal.Grant, CancellationToken.None));

        Assert.Contains("expired", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_CrashBeforeTheRevealIsStored_LeavesNoGrantWithoutItsSpotCheck()
    {
        var draw = await CommitAsync();
        _draws.CrashOnReveal = true;

        await Assert.ThrowsAsync<IOException>(() => RevealAsync(draw, "583"));

        Assert.Empty(_f.Access.Requests);
        Assert.Null(_draws.Draws[draw.Id].Reveal);
    }

    [Fact]
    public async Task Attack_SecondRevealWithAnotherSeed_RefusedAndNoSecondGrant()
    {
        var draw = await CommitAsync();
        var first = await RevealAsync(draw, "583");

        await Assert.ThrowsAsync<DrawRefusedException>(() => RevealAsync(draw, "584"));

        Assert.Single(_f.Access.Requests);
        Assert.Equal(first.Reveal, _draws.Draws[draw.Id].Reveal);
    }

    [Fact]
    public async Task Review_SampledRecordingUnderTheGrant_CountedPerOfficer()
    {
        var revealed = await RevealAsync(await CommitAsync(), "583");
        var zhangs = revealed.Reveal!.Selected.Single(c => c.Stratum!.StartsWith("010203", StringComparison.Ordinal));
        var lis = revealed.Reveal.Selected.Single(c => c.Stratum!.StartsWith("040506", StringComparison.Ordinal));

        await ReviewAsync(revealed, zhangs.Id, Findings("rights notified"), "重新培训告知程序");
        await ReviewAsync(revealed, lis.Id, Findings(), null);
        var figures = await new SpotCheckStatisticsHandler(_draws, _draws).Handle(new SpotCheckStatisticsQuery(revealed.Id), CancellationToken.None);

        Assert.Equal([("010203", 1, 1, 0), ("040506", 1, 1, 1)], figures.Select(f => (f.Who, f.Sampled, f.Reviewed, f.Passed)));
        Assert.Equal(1, figures[0].FailedItems["rights notified"]);
        Assert.Contains(await _draws.Log.ReadAsync(zhangs.Id, CancellationToken.None), r => r.Entry.Action == CustodyActions.SpotCheckReviewed);
    }

    [Fact]
    public async Task Attack_ReviewOfARecordingOutsideTheSample_Refused()
    {
        var revealed = await RevealAsync(await CommitAsync(), "583");
        var sampled = revealed.Reveal!.Selected.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var outside = new[] { _f.ZhangsRecording.Id, _zhangsSecond.Id }.Single(id => !sampled.Contains(id.Value));

        await Assert.ThrowsAsync<AccessDeniedException>(() => ReviewAsync(revealed, outside.Value, Findings(), null));

        Assert.Empty(_draws.Reviews);
    }

    [Fact]
    public async Task Attack_ReviewAfterTheGrantExpired_Refused()
    {
        var revealed = await RevealAsync(await CommitAsync(), "583");
        _f.Time.Advance(TimeSpan.FromDays(15));

        await Assert.ThrowsAsync<AccessDeniedException>(() => ReviewAsync(revealed, revealed.Reveal!.Selected[0].Id, Findings(), null));
    }

    [Fact]
    public async Task Review_FailedItemWithoutFollowUp_RefusedNamingTheItem()
    {
        var revealed = await RevealAsync(await CommitAsync(), "583");

        var refused = await Assert.ThrowsAsync<FormatException>(() => ReviewAsync(revealed, revealed.Reveal!.Selected[0].Id, Findings("identity shown"), " "));

        Assert.Contains("identity shown", refused.Message, StringComparison.Ordinal);
    }

    private List<ChecklistFinding> Findings(params string[] failed) => [.. _limits.Checklist.Select(i => new ChecklistFinding(i, !failed.Contains(i), null))];

    private async Task ReviewAsync(Draw draw, string recording, IReadOnlyList<ChecklistFinding> findings, string? followUp) =>
        await new ReviewSpotCheckHandler(_draws, _draws, _f.Recordings, _f.Entries, _limits).Handle(
            new ReviewSpotCheckCommand(draw.Id, RecordingId.Parse(recording), findings, followUp), CancellationToken.None);

    private async Task<Draw> CommitAsync() =>
        await new CommitSpotCheckHandler(_draws, _f.Catalog, _f.Catalog, _f.Entries, _limits, new StationTimeZone(_f.Time.LocalTimeZone)).Handle(
            new CommitSpotCheckCommand("2025年3月抽查", new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31), SpotCheckStrata.Officer, 1, SeedSource.Parse("福彩3D 2025-03-02"), _f.Time.GetUtcNow().AddHours(1)),
            CancellationToken.None);

    private async Task<Draw> RevealAsync(Draw draw, string seed)
    {
        _f.Time.SetUtcNow(draw.SeedDueAt > _f.Time.GetUtcNow() ? draw.SeedDueAt : _f.Time.GetUtcNow());
        var grants = new SpotCheckGrants(_f.Control, _f.Entries, _limits);
        return await new RevealDrawHandler(_draws, grants, _f.Entries).Handle(new RevealDrawCommand(draw.Id, DrawSeed.Parse(seed)), CancellationToken.None);
    }
}
