namespace EvidenceVault.Application.Custody;

/// <summary>
/// The append-only, hash-chained custody log. Entries that go with a catalog change are written in the
/// same transaction through <see cref="Catalog.ICatalog"/>; the rest are appended here.
/// </summary>
public interface ICustodyLog
{
    Task AppendAsync(CustodyEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the entry unless one with the same action, subject and details is already in the log; the check and the
    /// write share one transaction, so two concurrent callers still write it once. True when it was appended.
    /// </summary>
    Task<bool> AppendOnceAsync(CustodyEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<CustodyRecord>> ReadAsync(string? subject, CancellationToken cancellationToken);

    /// <summary>Every entry except those of <paramref name="actions"/>, in sequence order.</summary>
    Task<IReadOnlyList<CustodyRecord>> ReadWithoutAsync(IReadOnlyCollection<string> actions, CancellationToken cancellationToken);

    /// <summary>Every entry in sequence order, one at a time: what reads the whole log in flat memory.</summary>
    IAsyncEnumerable<CustodyRecord> StreamAsync(CancellationToken cancellationToken);

    /// <summary>The entries after <paramref name="sequence"/>, in sequence order: what an incremental check reads.</summary>
    IAsyncEnumerable<CustodyRecord> StreamAfterAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>How many entries the log holds.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>True once this process has committed a write to the log's database (so entries may have been appended).</summary>
    bool HasWritten { get; }

    /// <summary>Recomputes the chain; returns the first broken entry's sequence and why, or null when intact.</summary>
    Task<CustodyBreak?> VerifyChainAsync(CancellationToken cancellationToken);
}

/// <summary>An event to record: who did what to which subject, and details as JSON.</summary>
public sealed record CustodyEntry(DateTimeOffset At, string Actor, string Action, string Subject, string Details);

/// <summary>A stored custody entry with its place in the chain.</summary>
public sealed record CustodyRecord(long Sequence, CustodyEntry Entry, string PreviousHash, string Hash);

/// <summary>Where and why the custody chain is broken.</summary>
public sealed record CustodyBreak(long Sequence, string Problem);
