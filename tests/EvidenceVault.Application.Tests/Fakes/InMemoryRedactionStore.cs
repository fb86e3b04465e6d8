using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Redaction;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>Redacted copies' records in memory; custody entries go to the catalog fake's log, as the SQL store writes them with the row.</summary>
public sealed class InMemoryRedactionStore(InMemoryCatalog catalog) : IRedactionStore
{
    public List<RecordingRedaction> Redactions { get; } = [];

    public Task<RecordingRedaction> CreateAsync(Func<RedactionId, RecordingRedaction> numbered, Func<RecordingRedaction, CustodyEntry> custody, CancellationToken cancellationToken)
    {
        var redaction = numbered(new RedactionId(Redactions.Count + 1));
        Redactions.Add(redaction);
        catalog.Custody.Add(custody(redaction));
        return Task.FromResult(redaction);
    }

    public Task<RecordingRedaction?> FindAsync(RedactionId id, CancellationToken cancellationToken) =>
        Task.FromResult(Redactions.FirstOrDefault(r => r.Id == id));

    public Task<IReadOnlyList<RecordingRedaction>> ListAsync(RecordingId recording, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordingRedaction>>([.. Redactions.Where(r => r.Recording == recording)]);
}
