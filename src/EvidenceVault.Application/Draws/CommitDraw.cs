using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using Mediator;

namespace EvidenceVault.Application.Draws;

/// <summary>
/// Commit to a draw before its seed exists: the candidates (their canonical list's SHA-256), the named future public
/// seed, the quota and the algorithm. The seed must be due later than now, so nobody can choose a seed already known.
/// </summary>
public sealed record CommitDrawCommand(
    DrawKind Kind,
    string Title,
    IReadOnlyList<DrawCandidate> Candidates,
    SeedSource SeedSource,
    DrawQuota Quota,
    DateTimeOffset SeedDueAt) : ICommand<Draw>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class CommitDrawHandler(IDrawStore store, CustodyEntries custody) : ICommandHandler<CommitDrawCommand, Draw>
{
    public async ValueTask<Draw> Handle(CommitDrawCommand command, CancellationToken cancellationToken) =>
        await store.CommitAsync(command.Kind, command.Title, CandidateList.Of(command.Candidates), command.SeedSource, command.Quota, command.SeedDueAt, custody, cancellationToken);
}
