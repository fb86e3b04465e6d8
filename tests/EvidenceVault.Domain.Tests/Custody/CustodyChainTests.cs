using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Domain.Tests.Custody;

public sealed class CustodyChainTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 1, 2, 3, TimeSpan.Zero);

    [Fact]
    public void Hash_SameFields_IsDeterministic() =>
        Assert.Equal(
            CustodyChain.Hash(1, At, "a", "b", "c", "{}", CustodyChain.Genesis),
            CustodyChain.Hash(1, At.ToOffset(TimeSpan.FromHours(8)), "a", "b", "c", "{}", CustodyChain.Genesis));

    [Fact]
    public void Hash_FieldsShiftedAcrossBoundary_Differs() =>
        Assert.NotEqual(
            CustodyChain.Hash(1, At, "ab", "c", "d", "{}", CustodyChain.Genesis),
            CustodyChain.Hash(1, At, "a", "bc", "d", "{}", CustodyChain.Genesis));

    [Fact]
    public void Hash_DifferentPrevious_Differs() =>
        Assert.NotEqual(
            CustodyChain.Hash(2, At, "a", "b", "c", "{}", CustodyChain.Genesis),
            CustodyChain.Hash(2, At, "a", "b", "c", "{}", new string('1', 64)));
}
