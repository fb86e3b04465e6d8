using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Registry;
using Mediator;

namespace EvidenceVault.Application.Registry;

/// <summary>One officer of the registry.</summary>
public sealed record ShowOfficerQuery(OfficerId Number) : IQuery<Officer>;

public sealed class ShowOfficerHandler(IRegistry registry) : IQueryHandler<ShowOfficerQuery, Officer>
{
    public async ValueTask<Officer> Handle(ShowOfficerQuery query, CancellationToken cancellationToken) =>
        (await registry.OfficersAsync(cancellationToken)).SingleOrDefault(o => o.Number == query.Number)
            ?? throw new NotFoundException($"No officer has the number {query.Number}.");
}
