using EvidenceVault.Application.Station;

namespace EvidenceVault.Application.Tests.Station;

public sealed class BayBoardTests
{
    [Fact]
    public async Task WatchAsync_ABayChanges_YieldsTheNewSnapshot()
    {
        var board = new BayBoard(2, TimeProvider.System);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var watch = board.WatchAsync(TimeSpan.Zero, stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await watch.MoveNextAsync());
        Assert.All(watch.Current.Bays, b => Assert.Equal(BayPhase.Empty, b.Phase));
        var next = watch.MoveNextAsync();
        board.Update(2, b => b with { Phase = BayPhase.Copying, Device = "A123456" });

        Assert.True(await next);
        Assert.Equal(BayPhase.Copying, watch.Current.Bays[1].Phase);
        Assert.Equal(2, watch.Current.Bays[1].Bay);
        Assert.True(watch.Current.Version > 0);
    }

    [Fact]
    public void Update_ChangeThatRenumbersTheBay_KeepsTheBayNumber()
    {
        var board = new BayBoard(3, TimeProvider.System);

        var updated = board.Update(3, _ => new BayStatus { Bay = 1, Phase = BayPhase.Done });

        Assert.Equal(3, updated.Bay);
        Assert.Equal(BayPhase.Empty, board[1].Phase);
    }
}
