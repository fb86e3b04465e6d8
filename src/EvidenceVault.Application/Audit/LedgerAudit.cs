using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Signing;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Application.Audit;

/// <summary>A stored checkpoint that does not hold: forged (no trusted key signed it), truncated or rewritten log, or unreadable.</summary>
public sealed record CheckpointProblem(string Checkpoint, string Problem);

/// <summary>The newest checkpoint that verified: what a person compares with a head published elsewhere.</summary>
public sealed record VerifiedHead(long Size, byte[] Root, DateTimeOffset Time, string KeyId, string Checkpoint)
{
    public string RootHex => Convert.ToHexStringLower(Root);

    public string RootBase64 => Convert.ToBase64String(Root);
}

/// <summary>What the ledger check found: entries, the first chain break, the stored checkpoints and their problems, the verified head.</summary>
public sealed record LedgerReport(long Entries, CustodyBreak? FirstBreak, int Checkpoints, IReadOnlyList<CheckpointProblem> Problems, VerifiedHead? Head, IReadOnlyList<long> UnverifiedRotations);

/// <summary>
/// Reads the custody log once, as a stream, and checks in that one pass its hash chain and its Merkle roots at every
/// stored checkpoint's size. A hash chain alone says "intact" after its last entries are dropped, or after an entry is
/// rewritten and every later hash recomputed; a checkpoint signed by a key the catalog does not hold names both. Memory
/// is flat in the log's length: the tree keeps one node per level, and only the roots at checkpoint sizes are kept.
/// </summary>
public sealed class LedgerAudit(ICustodyLog custody, CheckpointWriter checkpoints, ICheckpointStore store, IEvidenceSigner signer)
{
    public async Task<LedgerReport> CheckAsync(CancellationToken cancellationToken)
    {
        var stored = new List<(string Name, StoredCheckpoint? Checkpoint)>();
        foreach (var name in await store.ListCheckpointsAsync(cancellationToken))
        {
            stored.Add((name, await checkpoints.ReadAsync(name, cancellationToken)));
        }

        var sizes = new Queue<long>(stored.Select(s => s.Checkpoint?.Checkpoint.Size).OfType<long>().Where(s => s > 0).Distinct().Order());
        var roots = new Dictionary<long, byte[]> { [0] = MerkleTree.EmptyRoot() };
        var rotations = new List<(long Sequence, KeyRotatedDetails? Details)>();
        var chain = new CustodyChainCheck();
        var tree = new MerkleRootBuilder();
        CustodyBreak? broken = null;
        await foreach (var record in custody.StreamAsync(cancellationToken))
        {
            broken ??= chain.Next(record);
            tree.AppendLeafHash(MerkleTree.EntryLeafHash(record.Hash));
            if (sizes.TryPeek(out var size) && size == tree.Size)
            {
                roots[sizes.Dequeue()] = tree.Root();
            }

            if (record.Entry.Action == CustodyActions.KeysRotated)
            {
                rotations.Add((record.Sequence, CustodyDetails.Of<KeyRotatedDetails>(record)));
            }
        }

        var (keys, unverified) = TrustedKeys.From(signer.PublicKey, rotations);
        var problems = new List<CheckpointProblem>();
        VerifiedHead? head = null;
        foreach (var (name, checkpoint) in stored)
        {
            if (Problem(checkpoint, keys, tree.Size, roots) is { } problem)
            {
                problems.Add(new CheckpointProblem(name, problem));
            }
            else if (checkpoint is { Checkpoint: var c } && (head is null || c.Size > head.Size || (c.Size == head.Size && c.Time > head.Time)))
            {
                head = new VerifiedHead(c.Size, c.RootBytes(), c.Time, CheckpointNotes.VerifiedBy(checkpoint.Note, keys)!.KeyId, name);
            }
        }

        return new LedgerReport(tree.Size, broken, stored.Count, problems, head, unverified);
    }

    private static string? Problem(StoredCheckpoint? stored, IReadOnlyList<EvidencePublicKey> keys, long entries, Dictionary<long, byte[]> roots)
    {
        if (stored is null)
        {
            return "unreadable: not a signed checkpoint";
        }

        var c = stored.Checkpoint;
        var at = c.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        if (c.Origin != CheckpointWriter.Origin || CheckpointNotes.VerifiedBy(stored.Note, keys) is null)
        {
            return $"forged: the checkpoint of size {c.Size} dated {at} is not signed by the vault key or any key its rotation entries link to";
        }

        if (c.Size > entries)
        {
            return $"truncated: checkpoint {stored.Name} states size {c.Size}, the log has only {entries} entries";
        }

        return roots[c.Size].AsSpan().SequenceEqual(c.RootBytes())
            ? null
            : $"rewritten: entries up to {c.Size} no longer match the checkpoint signed at {at}";
    }
}
