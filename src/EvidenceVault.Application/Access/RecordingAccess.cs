using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Access;

/// <summary>
/// Who may reach a recording. Officers reach their own recordings without a grant; archivists and
/// administrators may read catalog entries; everything else (and every other recording's bytes) needs an
/// active grant held by the actor that covers the recording. With no users, access control is off.
/// </summary>
public sealed class RecordingAccess(AccessControl access, IRetrievalStore grants, ICatalog catalog, TimeProvider time) : IGrantCheck
{
    public async Task<RetrievalRequest?> RequireAsync(IReadOnlyCollection<RecordingId> recordings, RetrievalId? grant, CancellationToken cancellationToken, bool redactedCopies = false)
    {
        var entries = new List<RecordingEntry>();
        foreach (var id in recordings)
        {
            entries.Add(await catalog.FindAsync(id, cancellationToken) ?? throw new RecordingNotFoundException(id));
        }

        return await RequireBytesAsync(entries, grant, cancellationToken, redactedCopies);
    }

    /// <summary>
    /// Bytes (original, proxy, thumbnail; <paramref name="redactedCopy"/>: a redacted copy): the actor's own recordings, or an
    /// active grant covering the rest. A grant for redacted copies only gives nothing else.
    /// </summary>
    public async Task<RetrievalRequest?> RequireBytesAsync(IReadOnlyCollection<RecordingEntry> recordings, RetrievalId? grant, CancellationToken cancellationToken, bool redactedCopy = false)
    {
        if (await access.ActingUserAsync(cancellationToken) is not { } user)
        {
            return null;
        }

        var others = recordings.Where(r => !user.Owns(r.Officer)).ToList();
        if (grant is { } id)
        {
            var active = await ActiveGrantAsync(user, others, id, cancellationToken);
            return active.RedactedOnly && !redactedCopy && others.Count > 0
                ? throw new RedactedCopiesOnlyException((await access.DenyAsync(others[0].Id.Value, $"Grant {id} is for redacted copies only; it hands out no original and no proxy, only a redacted copy (RD-<n>).", id, cancellationToken)).Message)
                : active;
        }

        return others.Count == 0
            ? null
            : throw await access.DenyAsync(others[0].Id.Value, $"Recording {others[0].Id} is not {user.Name}'s own; retrieving it needs an active retrieval grant (--grant, see `retrieval request`).", null, cancellationToken);
    }

    /// <summary>The catalog entry of <paramref name="id"/> for whoever may see it (<see cref="RequireMetadataAsync"/>), with the grant that allowed it.</summary>
    public async Task<(RecordingEntry Recording, RetrievalRequest? Grant)> RequireEntryAsync(RecordingId id, RetrievalId? grant, CancellationToken cancellationToken)
    {
        var recording = await catalog.FindAsync(id, cancellationToken) ?? throw new RecordingNotFoundException(id);
        return (recording, await RequireMetadataAsync(recording, grant, cancellationToken));
    }

    /// <summary>A catalog entry: own recordings, archivists and administrators, or under an active grant.</summary>
    public async Task<RetrievalRequest?> RequireMetadataAsync(RecordingEntry recording, RetrievalId? grant, CancellationToken cancellationToken)
    {
        if (await access.ActingUserAsync(cancellationToken) is not { } user)
        {
            return null;
        }

        if (grant is { } id)
        {
            return await ActiveGrantAsync(user, [recording], id, cancellationToken);
        }

        return user.Owns(recording.Officer) || user.Has(Role.Archivist) || user.Has(Role.Administrator)
            ? null
            : throw await access.DenyAsync(recording.Id.Value, $"Recording {recording.Id} is not {user.Name}'s own; its catalog entry is open to archivists and administrators, others need a grant (--grant).", null, cancellationToken);
    }

    private async Task<RetrievalRequest> ActiveGrantAsync(User user, List<RecordingEntry> recordings, RetrievalId id, CancellationToken cancellationToken)
    {
        var subject = recordings.Count > 0 ? recordings[0].Id.Value : id.ToString();
        var request = await grants.FindAsync(id, cancellationToken)
            ?? throw await access.DenyAsync(subject, $"There is no retrieval grant {id}.", id, cancellationToken);
        if (request.Requester != user.Name)
        {
            throw await access.DenyAsync(subject, $"Grant {id} was given to {request.Requester}, not to {user.Name}.", id, cancellationToken);
        }

        if (request.WhyInactive(time.GetUtcNow()) is { } why)
        {
            throw await access.DenyAsync(subject, $"Grant {why}; it gives no access now.", id, cancellationToken);
        }

        return recordings.FirstOrDefault(r => !request.Covers(r.Id)) is { } uncovered
            ? throw await access.DenyAsync(uncovered.Id.Value, $"Grant {id} does not cover recording {uncovered.Id}.", id, cancellationToken)
            : request;
    }
}
