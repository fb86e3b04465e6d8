using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>Users and retrieval requests in memory, and an actor a test can switch.</summary>
public sealed class InMemoryAccess : IUserStore, IRetrievalStore, IActorContext
{
    public Dictionary<UserName, User> Users { get; } = [];

    public Dictionary<RetrievalId, RetrievalRequest> Requests { get; } = [];

    public List<CustodyEntry> Custody { get; } = [];

    public string Actor { get; set; } = "nobody";

    public Task SaveAsync(User user, CustodyEntry custody, CancellationToken cancellationToken)
    {
        Users[user.Name] = user;
        Custody.Add(custody);
        return Task.CompletedTask;
    }

    public Task<User?> FindAsync(UserName name, CancellationToken cancellationToken) => Task.FromResult(Users.GetValueOrDefault(name));

    public Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<User>>([.. Users.Values]);

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => Task.FromResult(Users.Count > 0);

    public Task<RetrievalRequest> CreateAsync(Func<RetrievalId, RetrievalRequest> numbered, Func<RetrievalRequest, CustodyEntry> custody, CancellationToken cancellationToken)
    {
        var request = numbered(new RetrievalId(Requests.Count + 1));
        Requests[request.Id] = request;
        Custody.Add(custody(request));
        return Task.FromResult(request);
    }

    public Task UpdateAsync(RetrievalRequest request, CustodyEntry custody, CancellationToken cancellationToken)
    {
        Requests[request.Id] = request;
        Custody.Add(custody);
        return Task.CompletedTask;
    }

    public Task<RetrievalRequest?> FindAsync(RetrievalId id, CancellationToken cancellationToken) => Task.FromResult(Requests.GetValueOrDefault(id));

    Task<IReadOnlyList<RetrievalRequest>> IRetrievalStore.ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RetrievalRequest>>([.. Requests.Values]);
}
