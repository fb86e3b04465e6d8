using System.Security.Cryptography;

namespace EvidenceVault.Domain.Custody;

/// <summary>
/// The RFC 9162 Merkle tree hash over custody entries. A leaf is the entry's 32-byte chain hash: that hash already
/// covers the entry's canonical form, its sequence and the hash before it, so the tree and the chain commit to the
/// same thing and an inclusion proof needs nothing the catalog does not already store.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    /// <summary>The root of a tree with no leaves: SHA-256 of the empty string (RFC 9162, 2.1.1).</summary>
    public static byte[] EmptyRoot() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>SHA-256(0x00 || leaf): the prefix keeps a leaf from ever passing for an interior node.</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        Span<byte> input = stackalloc byte[1 + leaf.Length];
        input[0] = 0x00;
        leaf.CopyTo(input[1..]);
        return SHA256.HashData(input);
    }

    /// <summary>The leaf hash of a custody entry, from its hex chain hash.</summary>
    public static byte[] EntryLeafHash(string chainHash) => LeafHash(Convert.FromHexString(chainHash));

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + (2 * HashSize)];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        return SHA256.HashData(input);
    }

    /// <summary>The root of the given leaf hashes, computed recursively (for proofs and tests; streams use <see cref="MerkleRootBuilder"/>).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leafHashes) => leafHashes.Count == 0 ? EmptyRoot() : SubtreeRoot(leafHashes, 0, leafHashes.Count);

    internal static byte[] SubtreeRoot(IReadOnlyList<byte[]> leafHashes, int start, int count)
    {
        if (count == 1)
        {
            return leafHashes[start];
        }

        var k = LargestPowerOfTwoBelow(count);
        return NodeHash(SubtreeRoot(leafHashes, start, k), SubtreeRoot(leafHashes, start + k, count - k));
    }

    /// <summary>The largest power of two strictly less than <paramref name="n"/> (n ≥ 2), where RFC 9162 splits a tree.</summary>
    internal static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k << 1 < n)
        {
            k <<= 1;
        }

        return k;
    }
}

/// <summary>
/// Computes the tree root of leaves appended one by one, keeping only the roots of the perfect subtrees seen so far
/// (one per set bit of the size): O(log n) memory, so a million-entry ledger verifies in flat memory.
/// </summary>
public sealed class MerkleRootBuilder
{
    private readonly List<byte[]> _subtrees = [];

    public long Size { get; private set; }

    public void AppendLeafHash(byte[] leafHash)
    {
        var node = leafHash;
        for (var size = Size; (size & 1) == 1; size >>= 1)
        {
            node = MerkleTree.NodeHash(_subtrees[^1], node);
            _subtrees.RemoveAt(_subtrees.Count - 1);
        }

        _subtrees.Add(node);
        Size++;
    }

    /// <summary>The root of the leaves so far; folding the subtree roots from the right is exactly RFC 9162's split.</summary>
    public byte[] Root()
    {
        if (_subtrees.Count == 0)
        {
            return MerkleTree.EmptyRoot();
        }

        var root = _subtrees[^1];
        for (var i = _subtrees.Count - 2; i >= 0; i--)
        {
            root = MerkleTree.NodeHash(_subtrees[i], root);
        }

        return root;
    }
}
