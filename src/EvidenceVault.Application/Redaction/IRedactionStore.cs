using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Redaction;

namespace EvidenceVault.Application.Redaction;

/// <summary>The catalog's record of redacted copies; a new one carries its custody entry in the same transaction.</summary>
public interface IRedactionStore
{
    /// <summary>Records a copy under the next number, built by <paramref name="numbered"/>, with its custody entry.</summary>
    Task<RecordingRedaction> CreateAsync(Func<RedactionId, RecordingRedaction> numbered, Func<RecordingRedaction, CustodyEntry> custody, CancellationToken cancellationToken);

    Task<RecordingRedaction?> FindAsync(RedactionId id, CancellationToken cancellationToken);

    /// <summary>The copies made of one recording, oldest first.</summary>
    Task<IReadOnlyList<RecordingRedaction>> ListAsync(RecordingId recording, CancellationToken cancellationToken);
}
