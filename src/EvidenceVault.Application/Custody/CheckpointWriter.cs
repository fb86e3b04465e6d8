using System.Text;
using EvidenceVault.Application.Signing;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Application.Custody;

/// <summary>A checkpoint as stored in the vault: its name there and the signed note.</summary>
public sealed record StoredCheckpoint(string Name, SignedCheckpoint Note)
{
    public Checkpoint Checkpoint => Note.Checkpoint;
}

/// <summary>
/// Signs the custody log's head (its size and RFC 9162 Merkle root over the entries' chain hashes, the time, under the
/// vault key) and stores it write-once in the vault. Writing a checkpoint appends no custody entry: that entry would
/// grow the log the checkpoint just stated and call for another checkpoint, without end; the stored checkpoints are
/// their own record, and <c>audit verify</c> lists them.
/// </summary>
public sealed class CheckpointWriter(ICustodyLog custody, ICheckpointStore store, IEvidenceSigner signer, TimeProvider time)
{
    /// <summary>The name a checkpoint gives the log it describes, and under which its signature line is written.</summary>
    public const string Origin = "evidencevault/custody";

    /// <summary>The longest a growing log goes without a new checkpoint.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    /// <summary>How often a long-running host asks <see cref="WriteIfDueAsync"/>; a checkpoint is due one period early, so none is ever later than <see cref="Interval"/>.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    /// <summary>Checkpoints the whole log as it is now, read as a stream (flat memory whatever its length).</summary>
    public async Task<StoredCheckpoint> WriteAsync(CancellationToken cancellationToken)
    {
        var tree = new MerkleRootBuilder();
        await foreach (var record in custody.StreamAsync(cancellationToken))
        {
            tree.AppendLeafHash(MerkleTree.EntryLeafHash(record.Hash));
        }

        return await WriteAsync(tree.Size, tree.Root(), cancellationToken);
    }

    /// <summary>
    /// Checkpoints a head the caller computed (an export's cut); the latest stored checkpoint is reused when it already
    /// states this head under the current key.
    /// </summary>
    public async Task<StoredCheckpoint> WriteAsync(long size, byte[] root, CancellationToken cancellationToken)
    {
        if (await LatestAsync(cancellationToken) is { } latest && States(latest.Note, size, root))
        {
            return latest;
        }

        var note = CheckpointNotes.Sign(Checkpoint.Of(Origin, size, root, time.GetUtcNow()), signer);
        var name = CheckpointNames.For(size, note.Checkpoint.Time);
        try
        {
            await store.PutCheckpointAsync(name, Encoding.UTF8.GetBytes(note.Format()), cancellationToken);
            return new StoredCheckpoint(name, note);
        }
        catch (CheckpointConflictException)
        {
            // Another process checkpointed the same head in the same second (an SM2 signature differs each time): theirs stands.
            if (await ReadAsync(name, cancellationToken) is { } stored && States(stored.Note, size, root))
            {
                return stored;
            }

            throw;
        }
    }

    /// <summary>Writes a checkpoint when the log has grown since the latest one and that one is about to be <see cref="Interval"/> old.</summary>
    public async Task<StoredCheckpoint?> WriteIfDueAsync(CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(cancellationToken);
        if (latest is not null && time.GetUtcNow() - latest.Checkpoint.Time < Interval - CheckEvery)
        {
            return null;
        }

        return await custody.CountAsync(cancellationToken) > (latest?.Checkpoint.Size ?? 0) ? await WriteAsync(cancellationToken) : null;
    }

    /// <summary>The newest stored checkpoint the current key signed; others (older keys, planted files) are passed over.</summary>
    public async Task<StoredCheckpoint?> LatestAsync(CancellationToken cancellationToken)
    {
        var names = await store.ListCheckpointsAsync(cancellationToken);
        for (var i = names.Count - 1; i >= 0; i--)
        {
            if (await ReadAsync(names[i], cancellationToken) is { } stored && CheckpointNotes.VerifiedBy(stored.Note, [signer.PublicKey]) is not null)
            {
                return stored;
            }
        }

        return null;
    }

    /// <summary>A stored checkpoint parsed; null when the name holds nothing that parses as a signed checkpoint.</summary>
    public async Task<StoredCheckpoint?> ReadAsync(string name, CancellationToken cancellationToken) =>
        await store.ReadCheckpointAsync(name, cancellationToken) is { } bytes && SignedCheckpoint.Parse(Decode(bytes)) is { } note
            ? new StoredCheckpoint(name, note)
            : null;

    private bool States(SignedCheckpoint note, long size, byte[] root) =>
        note.Checkpoint.Size == size && note.Checkpoint.Origin == Origin && note.Checkpoint.RootBytes().AsSpan().SequenceEqual(root)
        && CheckpointNotes.VerifiedBy(note, [signer.PublicKey]) is not null;

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return string.Empty;
        }
    }
}
