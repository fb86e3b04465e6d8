using System.Text;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Testing.Vault;

/// <summary>
/// What every <see cref="ICheckpointStore"/> (both vault backends) must show: checkpoints are write-once, a second
/// write under the same name with other bytes is refused and the first kept, and listings come in cut order.
/// </summary>
public abstract class CheckpointStoreContractTests
{
    protected abstract ICheckpointStore Store { get; }

    protected static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task PutCheckpointAsync_NewName_CreatedAndReadsBack()
    {
        var name = CheckpointNames.For(3, DateTimeOffset.UnixEpoch);

        var created = await Store.PutCheckpointAsync(name, Text("a"), Ct);

        Assert.True(created);
        Assert.Equal(Text("a").ToArray(), await Store.ReadCheckpointAsync(name, Ct));
    }

    [Fact]
    public async Task PutCheckpointAsync_SameNameSameBytes_AlreadyPresent()
    {
        var name = CheckpointNames.For(3, DateTimeOffset.UnixEpoch);
        await Store.PutCheckpointAsync(name, Text("a"), Ct);

        var created = await Store.PutCheckpointAsync(name, Text("a"), Ct);

        Assert.False(created);
    }

    [Fact]
    public async Task PutCheckpointAsync_SameNameOtherBytes_RefusedAndFirstKept()
    {
        var name = CheckpointNames.For(3, DateTimeOffset.UnixEpoch);
        await Store.PutCheckpointAsync(name, Text("signed by the vault"), Ct);

        var error = await Assert.ThrowsAsync<CheckpointConflictException>(() => Store.PutCheckpointAsync(name, Text("rewritten"), Ct));

        Assert.Equal(name, error.Name);
        Assert.Equal(Text("signed by the vault").ToArray(), await Store.ReadCheckpointAsync(name, Ct));
        Assert.Equal([name], await Store.ListCheckpointsAsync(Ct));
    }

    [Fact]
    public async Task ListCheckpointsAsync_PutOutOfOrder_ListedInCutOrder()
    {
        var at = DateTimeOffset.UnixEpoch;
        string[] names = [CheckpointNames.For(9, at), CheckpointNames.For(10, at.AddMinutes(10)), CheckpointNames.For(10, at.AddMinutes(20)), CheckpointNames.For(1000, at.AddMinutes(30))];
        foreach (var name in names.Reverse())
        {
            await Store.PutCheckpointAsync(name, Text(name), Ct);
        }

        Assert.Equal(names, await Store.ListCheckpointsAsync(Ct));
    }

    [Fact]
    public async Task ListCheckpointsAsync_NoneStored_Empty()
    {
        Assert.Empty(await Store.ListCheckpointsAsync(Ct));
        Assert.Null(await Store.ReadCheckpointAsync(CheckpointNames.For(1, DateTimeOffset.UnixEpoch), Ct));
    }

    [Theory]
    [InlineData("../originals/x")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public async Task PutCheckpointAsync_NameThatWalksAPath_Refused(string name)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutCheckpointAsync(name, Text("x"), Ct));
    }

    private static ReadOnlyMemory<byte> Text(string text) => Encoding.UTF8.GetBytes(text);
}
