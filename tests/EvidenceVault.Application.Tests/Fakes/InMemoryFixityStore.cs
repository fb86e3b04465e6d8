using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>Fixity checks and incidents in memory, over the recordings of an <see cref="InMemoryCatalog"/>.</summary>
public sealed class InMemoryFixityStore(InMemoryCatalog catalog) : IFixityStore
{
    public List<FixityCheck> Checks { get; } = [];

    public List<IntegrityIncident> Incidents { get; } = [];

    public Task<IReadOnlyList<RecordingEntry>> DueAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RecordingEntry>>([.. catalog.Recordings.Values.Where(r => r.DestroyedAt is null)
            .OrderBy(r => Checks.Where(c => c.Recording == r.Id).Select(c => (DateTimeOffset?)c.At).Max() ?? DateTimeOffset.MinValue)
            .ThenBy(r => r.Id.Value, StringComparer.Ordinal)
            .Take(limit)]);

    public Task RecordChecksAsync(IReadOnlyList<FixityCheck> checks, CustodyEntry custody, CancellationToken cancellationToken)
    {
        Checks.AddRange(checks);
        catalog.Custody.Add(custody);
        return Task.CompletedTask;
    }

    public Task<long?> RecordFailureAsync(FixityCheck check, CustodyEntry failure, IntegrityIncident incident, Func<long, CustodyEntry> raised, CancellationToken cancellationToken)
    {
        Checks.Add(check);
        catalog.Custody.Add(failure);
        if (Incidents.Any(i => i.Recording == check.Recording && i.Status == IncidentStatus.Open && IncidentKinds.TargetOf(i.Kind) == IncidentKinds.TargetOf(incident.Kind)))
        {
            return Task.FromResult<long?>(null);
        }

        var opened = incident with { Id = Incidents.Count + 1 };
        Incidents.Add(opened);
        catalog.Custody.Add(raised(opened.Id));
        return Task.FromResult<long?>(opened.Id);
    }

    public Task<IReadOnlyList<IntegrityIncident>> IncidentsAsync(IncidentStatus? status, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IntegrityIncident?> FindIncidentAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ResolveAsync(long id, string resolution, CustodyEntry custody, CancellationToken cancellationToken) => throw new NotSupportedException();
}
