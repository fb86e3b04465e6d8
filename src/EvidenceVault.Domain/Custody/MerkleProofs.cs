namespace EvidenceVault.Domain.Custody;

/// <summary>
/// RFC 9162 inclusion and consistency proofs (2.1.3, 2.1.4): what lets an export prove that an entry is in the log a
/// checkpoint signed, and two checkpoints prove that the later log only extends the earlier one.
/// </summary>
public static class MerkleProofs
{
    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of the first <paramref name="size"/> leaf hashes.</summary>
    public static IReadOnlyList<byte[]> Inclusion(IReadOnlyList<byte[]> leafHashes, int index, int size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, leafHashes.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var path = new List<byte[]>();
        Path(leafHashes, index, 0, size, path);
        return path;
    }

    private static void Path(IReadOnlyList<byte[]> leaves, int index, int start, int count, List<byte[]> path)
    {
        if (count == 1)
        {
            return;
        }

        var k = MerkleTree.LargestPowerOfTwoBelow(count);
        if (index < k)
        {
            Path(leaves, index, start, k, path);
            path.Add(MerkleTree.SubtreeRoot(leaves, start + k, count - k));
        }
        else
        {
            Path(leaves, index - k, start + k, count - k, path);
            path.Add(MerkleTree.SubtreeRoot(leaves, start, k));
        }
    }

    /// <summary>The proof that the tree of the first <paramref name="oldSize"/> leaves is a prefix of the first <paramref name="newSize"/>.</summary>
    public static IReadOnlyList<byte[]> Consistency(IReadOnlyList<byte[]> leafHashes, int oldSize, int newSize)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newSize, leafHashes.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(oldSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(oldSize, newSize);
        var proof = new List<byte[]>();
        if (oldSize > 0 && oldSize < newSize)
        {
            SubProof(leafHashes, oldSize, 0, newSize, startsAtOrigin: true, proof);
        }

        return proof;
    }

    private static void SubProof(IReadOnlyList<byte[]> leaves, int m, int start, int count, bool startsAtOrigin, List<byte[]> proof)
    {
        if (m == count)
        {
            if (!startsAtOrigin)
            {
                proof.Add(MerkleTree.SubtreeRoot(leaves, start, count));
            }

            return;
        }

        var k = MerkleTree.LargestPowerOfTwoBelow(count);
        if (m <= k)
        {
            SubProof(leaves, m, start, k, startsAtOrigin, proof);
            proof.Add(MerkleTree.SubtreeRoot(leaves, start + k, count - k));
        }
        else
        {
            SubProof(leaves, m - k, start + k, count - k, startsAtOrigin: false, proof);
            proof.Add(MerkleTree.SubtreeRoot(leaves, start, k));
        }
    }

    /// <summary>True when <paramref name="path"/> leads from the leaf hash at <paramref name="index"/> to <paramref name="root"/> (RFC 9162, 2.1.3.2).</summary>
    public static bool VerifyInclusion(long index, long size, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (index < 0 || index >= size)
        {
            return false;
        }

        var (fn, sn) = (index, size - 1);
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleTree.NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    (fn, sn) = (fn >> 1, sn >> 1);
                }
            }
            else
            {
                r = MerkleTree.NodeHash(r, p);
            }

            (fn, sn) = (fn >> 1, sn >> 1);
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>True when <paramref name="proof"/> shows the old tree is a prefix of the new one (RFC 9162, 2.1.4.2).</summary>
    public static bool VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        if (oldSize < 0 || oldSize > newSize)
        {
            return false;
        }

        if (oldSize == newSize)
        {
            return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        }

        if (oldSize == 0)
        {
            // Every tree extends the empty one; there is nothing to prove.
            return proof.Count == 0;
        }

        IReadOnlyList<byte[]> path = (oldSize & (oldSize - 1)) == 0 ? [oldRoot.ToArray(), .. proof] : proof;
        if (path.Count == 0)
        {
            return false;
        }

        var (fn, sn) = (oldSize - 1, newSize - 1);
        while ((fn & 1) == 1)
        {
            (fn, sn) = (fn >> 1, sn >> 1);
        }

        var (fr, sr) = (path[0], path[0]);
        for (var i = 1; i < path.Count; i++)
        {
            if (sn == 0)
            {
                return false;
            }

            var c = path[i];
            if ((fn & 1) == 1 || fn == sn)
            {
                (fr, sr) = (MerkleTree.NodeHash(c, fr), MerkleTree.NodeHash(c, sr));
                while ((fn & 1) == 0 && fn != 0)
                {
                    (fn, sn) = (fn >> 1, sn >> 1);
                }
            }
            else
            {
                sr = MerkleTree.NodeHash(sr, c);
            }

            (fn, sn) = (fn >> 1, sn >> 1);
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(oldRoot) && sr.AsSpan().SequenceEqual(newRoot);
    }
}
