using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>Information requests in a list, with every custody entry their changes carried.</summary>
public sealed class InMemoryInformationRequests : IInformationRequestStore
{
    public List<InformationRequest> Requests { get; } = [];

    public List<CustodyEntry> Appended { get; } = [];

    /// <summary>The published status rows by lookup hash, as the store keeps them beside each request.</summary>
    public Dictionary<string, (InformationRequestId Id, PublishedRequestStatus Status)> StatusRows { get; } = [];

    public Task<InformationRequest> CreateAsync(
        Func<InformationRequestId, InformationRequest> numbered, Func<InformationRequest, RequestLookup> lookup, Func<InformationRequest, IReadOnlyList<CustodyEntry>> custody, CancellationToken cancellationToken)
    {
        var request = numbered(new InformationRequestId(Requests.Count + 1));
        Requests.Add(request);
        var row = lookup(request);
        StatusRows.Add(row.Hash, (request.Id, row.Status));
        Appended.AddRange(custody(request));
        return Task.FromResult(request);
    }

    public Task UpdateAsync(InformationRequest request, PublishedRequestStatus status, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken)
    {
        Requests[Requests.FindIndex(r => r.Id == request.Id)] = request;
        foreach (var hash in StatusRows.Where(r => r.Value.Id == request.Id).Select(r => r.Key).ToList())
        {
            StatusRows[hash] = (request.Id, status);
        }

        Appended.AddRange(custody);
        return Task.CompletedTask;
    }

    public Task<InformationRequest?> FindAsync(InformationRequestId id, CancellationToken cancellationToken) => Task.FromResult(Requests.Find(r => r.Id == id));

    public Task<IReadOnlyList<InformationRequest>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<InformationRequest>>(Requests);

    /// <summary>The status rows as the public lookup reads them.</summary>
    public IRequestStatusRows AsStatusRows() => new StatusRowReader(this);

    private sealed class StatusRowReader(InMemoryInformationRequests store) : IRequestStatusRows
    {
        public Task<PublishedRequestStatus?> FindAsync(string lookupHash, CancellationToken cancellationToken) =>
            Task.FromResult(store.StatusRows.TryGetValue(lookupHash, out var row) ? row.Status : null);
    }
}
