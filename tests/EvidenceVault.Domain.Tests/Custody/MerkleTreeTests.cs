using System.Security.Cryptography;
using System.Text;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Domain.Tests.Custody;

public class MerkleTreeTests
{
    // The RFC 6962 / 9162 reference test tree (certificate-transparency-go merkle tests): these eight leaves.
    private static readonly string[] ReferenceLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];

    private static List<byte[]> LeafHashes(int count) =>
        [.. ReferenceLeaves.Take(count).Select(hex => MerkleTree.LeafHash(Convert.FromHexString(hex)))];

    [Theory]
    [InlineData(1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")]
    [InlineData(2, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")]
    [InlineData(3, "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77")]
    [InlineData(7, "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c")]
    [InlineData(8, "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    public void Root_ReferenceTree_MatchesPublishedRoots(int size, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(MerkleTree.Root(LeafHashes(size))));
    }

    [Fact]
    public void Root_Empty_IsHashOfNothing()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleTree.Root([])));
    }

    [Fact]
    public void RootBuilder_EverySize_EqualsRecursiveRoot()
    {
        var leaves = Enumerable.Range(0, 70).Select(i => MerkleTree.LeafHash(Encoding.UTF8.GetBytes($"entry {i}"))).ToList();
        var builder = new MerkleRootBuilder();
        for (var size = 1; size <= leaves.Count; size++)
        {
            builder.AppendLeafHash(leaves[size - 1]);
            Assert.Equal(MerkleTree.Root(leaves[..size]), builder.Root());
        }

        Assert.Equal(70, builder.Size);
    }

    [Fact]
    public void Inclusion_EveryLeafOfEverySize_VerifiesAndTamperedLeafFails()
    {
        var leaves = Enumerable.Range(0, 20).Select(i => MerkleTree.LeafHash([(byte)i])).ToList();
        for (var size = 1; size <= leaves.Count; size++)
        {
            var root = MerkleTree.Root(leaves[..size]);
            for (var index = 0; index < size; index++)
            {
                var path = MerkleProofs.Inclusion(leaves, index, size);
                Assert.True(MerkleProofs.VerifyInclusion(index, size, leaves[index], path, root), $"leaf {index} of {size}");
                Assert.False(MerkleProofs.VerifyInclusion(index, size, MerkleTree.LeafHash([0xEE]), path, root), $"forged leaf {index} of {size}");
            }
        }
    }

    [Fact]
    public void Consistency_EveryPairOfSizes_VerifiesAndRewrittenHistoryFails()
    {
        var leaves = Enumerable.Range(0, 17).Select(i => MerkleTree.LeafHash([(byte)i])).ToList();
        var rewritten = leaves.ToList();
        rewritten[2] = MerkleTree.LeafHash([0xEE]);
        for (var newSize = 1; newSize <= leaves.Count; newSize++)
        {
            var newRoot = MerkleTree.Root(leaves[..newSize]);
            for (var oldSize = 1; oldSize <= newSize; oldSize++)
            {
                var proof = MerkleProofs.Consistency(leaves, oldSize, newSize);
                Assert.True(MerkleProofs.VerifyConsistency(oldSize, newSize, MerkleTree.Root(leaves[..oldSize]), newRoot, proof), $"{oldSize} -> {newSize}");
                if (oldSize > 2 && oldSize < newSize)
                {
                    // A log rewritten after the old checkpoint cannot prove it extends it.
                    var forged = MerkleProofs.Consistency(rewritten, oldSize, newSize);
                    Assert.False(MerkleProofs.VerifyConsistency(oldSize, newSize, MerkleTree.Root(leaves[..oldSize]), MerkleTree.Root(rewritten[..newSize]), forged), $"rewritten {oldSize} -> {newSize}");
                }
            }
        }
    }

    [Fact]
    public void EntryLeafHash_ChainHash_IsLeafHashOfItsBytes()
    {
        var chainHash = Convert.ToHexStringLower(SHA256.HashData("entry"u8));
        Assert.Equal(MerkleTree.LeafHash(Convert.FromHexString(chainHash)), MerkleTree.EntryLeafHash(chainHash));
    }
}
