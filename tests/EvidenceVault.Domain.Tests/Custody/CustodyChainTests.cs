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

    /// <summary>
    /// Golden vector, computed outside .NET (Python hashlib) from the canonical form: each field as its length in UTF-16
    /// code units, a colon, the field and a newline; the time in UTC with seven fraction digits. Any change to the form
    /// breaks every ledger ever written, so this test must never be "updated" to match new code.
    /// </summary>
    [Fact]
    public void Hash_FixedEntries_MatchTheGoldenVector()
    {
        const string details = """{"path":"A123456_010203_20250301093015_0001_3.MP4","size":42}""";
        var first = CustodyChain.Hash(1, At.ToOffset(TimeSpan.FromHours(8)), "张三 (station DS-07)", "recording.ingested", "0123456789abcdef", details, CustodyChain.Genesis);
        var second = CustodyChain.Hash(2, At, "admin", "case.created", "C-1", "{}", first);

        Assert.Equal("d4ec7e85de6a7ed68c0dd05c96b4dc11f4da1b9c76999059097abf14d197fdf8", first);
        Assert.Equal("9683af71db2c757e8876890d74cfd2ae264f0d7da64bd42064802f33b0d6b546", second);
    }

    [Fact]
    public void Hash_IsTheSha256OfTheCanonicalForm()
    {
        const string canonical = "1:1\n28:2025-03-01T01:02:03.0000000Z\n1:a\n1:b\n2:C-\n2:{}\n64:" + "0000000000000000000000000000000000000000000000000000000000000000\n";

        var hash = CustodyChain.Hash(1, At, "a", "b", "C-", "{}", CustodyChain.Genesis);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical))), hash);
    }
}
