using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Tests.Fakes;

namespace EvidenceVault.Application.Tests.Custody;

public sealed class IncrementalChainCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(8));
    private readonly InMemoryCustodyLog _log = new();

    [Fact]
    public async Task CheckAsync_EntriesAppendedBetweenChecks_IntactAndReadsOnlyTheNewOnes()
    {
        var check = new IncrementalChainCheck(_log);
        await AppendAsync(3);
        Assert.Null(await check.CheckAsync(CancellationToken.None));

        // An entry before the verified head is no longer read: altering it goes unseen here (audit verify sees it).
        _log.Records[0] = _log.Records[0] with { Entry = _log.Records[0].Entry with { Details = "{\"altered\":true}" } };
        await AppendAsync(2);

        Assert.Null(await check.CheckAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_VerifiedTailRewritten_ReportsTheBreakAndKeepsReportingIt()
    {
        var check = new IncrementalChainCheck(_log);
        await AppendAsync(3);
        await check.CheckAsync(CancellationToken.None);
        _log.Records[2] = _log.Records[2] with { Hash = new string('0', 64) };

        var broken = await check.CheckAsync(CancellationToken.None);
        await AppendAsync(1);

        Assert.Equal(3, broken?.Sequence);
        Assert.Contains("rewritten", broken?.Problem, StringComparison.Ordinal);
        Assert.Equal(broken, await check.CheckAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_NewEntryAltered_ReportsIt()
    {
        var check = new IncrementalChainCheck(_log);
        await AppendAsync(2);
        await check.CheckAsync(CancellationToken.None);
        await AppendAsync(1);
        _log.Records[2] = _log.Records[2] with { Entry = _log.Records[2].Entry with { Actor = "forger" } };

        Assert.Equal(3, (await check.CheckAsync(CancellationToken.None))?.Sequence);
    }

    private async Task AppendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _log.AppendAsync(new CustodyEntry(Now, "officer", "recording.viewed", "r" + _log.Records.Count, "{}"), CancellationToken.None);
        }
    }
}
