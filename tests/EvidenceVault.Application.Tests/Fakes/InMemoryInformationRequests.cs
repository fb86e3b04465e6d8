using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>Information requests in a list, with every custody entry their changes carried.</summary>
public sealed class InMemoryInformationRequests : IInformationRequestStore
{
    public List<InformationRequest> Requests { get; } = [];

    public List<CustodyEntry> Appended { get; } = [];

    public Task<InformationRequest> CreateAsync(Func<InformationRequestId, InformationRequest> numbered, Func<InformationRequest, IReadOnlyList<CustodyEntry>> custody, CancellationToken cancellationToken)
    {
        var request = numbered(new InformationRequestId(Requests.Count + 1));
        Requests.Add(request);
        Appended.AddRange(custody(request));
        return Task.FromResult(request);
    }

    public Task UpdateAsync(InformationRequest request, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken)
    {
        Requests[Requests.FindIndex(r => r.Id == request.Id)] = request;
        Appended.AddRange(custody);
        return Task.CompletedTask;
    }

    public Task<InformationRequest?> FindAsync(InformationRequestId id, CancellationToken cancellationToken) => Task.FromResult(Requests.Find(r => r.Id == id));

    public Task<IReadOnlyList<InformationRequest>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<InformationRequest>>(Requests);
}
