using System.Data.Common;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class CustodyLogTests(CatalogEngine engine) : CatalogTestBase(engine)
{
    [Fact]
    public async Task VerifyChainAsync_UntouchedLog_IsIntact()
    {
        await AppendThreeAsync();

        Assert.Null(await Custody.VerifyChainAsync(CancellationToken.None));
        Assert.Equal([1L, 2, 3], (await Custody.ReadAsync(null, CancellationToken.None)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task UpdateOrDelete_ThroughSql_IsRefusedByTriggers()
    {
        await AppendThreeAsync();

        var update = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteRawAsync("UPDATE custody SET actor = 'mallory'"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteRawAsync("DELETE FROM custody WHERE seq = 2"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actor = 'mallory'")]
    [InlineData("action = 'recording.deleted'")]
    [InlineData("subject = 'other'")]
    [InlineData("details = '{\"x\":1}'")]
    [InlineData("at = '2020-01-01T00:00:00.0000000Z'")]
    public async Task VerifyChainAsync_FieldEditedBehindTheTriggers_NamesTheEntry(string assignment)
    {
        await AppendThreeAsync();
        await ExecuteRawAsync($"{DropTrigger("custody_append_only_update", "custody")}; UPDATE custody SET {assignment} WHERE seq = 2");

        var broken = await Custody.VerifyChainAsync(CancellationToken.None);

        Assert.Equal(2, broken?.Sequence);
    }

    [Fact]
    public async Task VerifyChainAsync_EntryRemoved_ReportsTheGap()
    {
        await AppendThreeAsync();
        await ExecuteRawAsync($"{DropTrigger("custody_append_only_delete", "custody")}; DELETE FROM custody WHERE seq = 2");

        var broken = await Custody.VerifyChainAsync(CancellationToken.None);

        Assert.Equal(2, broken?.Sequence);
        Assert.Contains("missing", broken!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendOnceAsync_SameEntryTwice_WrittenOnceAndOtherDetailsStillWritten()
    {
        var overdue = new CustodyEntry(Now, "tester", CustodyActions.DeadlineOverdue, "C-1", "{\"what\":\"publish\"}");

        var first = await Custody.AppendOnceAsync(overdue, CancellationToken.None);
        var again = await Custody.AppendOnceAsync(overdue with { At = Now.AddDays(1) }, CancellationToken.None);
        var other = await Custody.AppendOnceAsync(overdue with { Details = "{\"what\":\"takedown\"}" }, CancellationToken.None);

        Assert.Equal((true, false, true), (first, again, other));
        Assert.Equal(2, (await Custody.ReadAsync("C-1", CancellationToken.None)).Count);
        Assert.Null(await Custody.VerifyChainAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StreamAsync_ThreeEntries_InSequenceOrderWithCountAndWriteNoted()
    {
        Assert.False(Custody.HasWritten);
        await AppendThreeAsync();

        var streamed = new List<CustodyRecord>();
        await foreach (var record in Custody.StreamAsync(CancellationToken.None))
        {
            streamed.Add(record);
        }

        Assert.Equal(await Custody.ReadAsync(null, CancellationToken.None), streamed);
        Assert.Equal(3, await Custody.CountAsync(CancellationToken.None));
        Assert.True(Custody.HasWritten);
    }

    [Fact]
    public async Task ReadWithoutAsync_ActionsLeftOut_ReturnsTheOthersInOrder()
    {
        await AppendThreeAsync();
        await Custody.AppendAsync(new CustodyEntry(Now, "tester", CustodyActions.CaseCreated, "C-1", "{}"), CancellationToken.None);
        await Custody.AppendAsync(new CustodyEntry(Now, "tester", CustodyActions.FixityChecked, "a", "{}"), CancellationToken.None);

        var kept = await Custody.ReadWithoutAsync([CustodyActions.Viewed, CustodyActions.FixityChecked], CancellationToken.None);

        Assert.Equal([4L], kept.Select(r => r.Sequence));
        Assert.Equal(5, (await Custody.ReadWithoutAsync([], CancellationToken.None)).Count);
    }

    private async Task AppendThreeAsync()
    {
        foreach (var subject in new[] { "a", "b", "c" })
        {
            await Custody.AppendAsync(new CustodyEntry(Now, "tester", CustodyActions.Viewed, subject, "{}"), CancellationToken.None);
        }
    }
}
