using System.Runtime.CompilerServices;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Custody;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>A hash-chained custody log in memory, as the catalog keeps it; <see cref="Records"/> is open to tampering.</summary>
public sealed class InMemoryCustodyLog : ICustodyLog
{
    public List<CustodyRecord> Records { get; } = [];

    public bool HasWritten => Records.Count > 0;

    public Task AppendAsync(CustodyEntry entry, CancellationToken cancellationToken)
    {
        var previous = Records.Count == 0 ? CustodyChain.Genesis : Records[^1].Hash;
        var sequence = Records.Count + 1L;
        Records.Add(new CustodyRecord(sequence, entry, previous, CustodyChain.Hash(sequence, entry.At, entry.Actor, entry.Action, entry.Subject, entry.Details, previous)));
        return Task.CompletedTask;
    }

    public Task<bool> AppendOnceAsync(CustodyEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<CustodyRecord>> ReadAsync(string? subject, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CustodyRecord>>([.. Records.Where(r => subject is null || r.Entry.Subject == subject)]);

    public Task<IReadOnlyList<CustodyRecord>> ReadWithoutAsync(IReadOnlyCollection<string> actions, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CustodyRecord>>([.. Records.Where(r => !actions.Contains(r.Entry.Action))]);

    public IAsyncEnumerable<CustodyRecord> StreamAfterAsync(long sequence, CancellationToken cancellationToken) =>
        StreamAsync(cancellationToken).Where(r => r.Sequence > sequence);

    public async IAsyncEnumerable<CustodyRecord> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var record in Records.ToList())
        {
            await Task.Yield();
            yield return record;
        }
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) => Task.FromResult((long)Records.Count);

    public Task<CustodyBreak?> VerifyChainAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>Write-once checkpoints in memory, with the store contract's refusal of a second, different write.</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    public SortedDictionary<string, byte[]> Stored { get; } = new(StringComparer.Ordinal);

    public Task<bool> PutCheckpointAsync(string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (Stored.TryGetValue(name, out var existing))
        {
            return existing.AsSpan().SequenceEqual(content.Span) ? Task.FromResult(false) : throw new CheckpointConflictException(name);
        }

        Stored[name] = content.ToArray();
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<string>> ListCheckpointsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([.. Stored.Keys]);

    public Task<byte[]?> ReadCheckpointAsync(string name, CancellationToken cancellationToken) => Task.FromResult(Stored.GetValueOrDefault(name));
}
