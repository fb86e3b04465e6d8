using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Retrieval;

/// <summary>
/// Ask to retrieve (调阅) a case's recordings or named recordings, for a purpose, over whole days (both
/// included, in the station's zone). The approval tier follows from the departments of the recordings'
/// officers; a request for one's own recordings needs no approval. The period is bounded (<see cref="RetrievalLimits"/>)
/// and may not lie wholly in the past.
/// </summary>
public sealed record RequestRetrievalCommand(
    CaseNumber? Case,
    IReadOnlyList<RecordingId> Recordings,
    string Purpose,
    DateOnly From,
    DateOnly Until,
    string? OutsideAgency,
    bool RedactedOnly = false) : ICommand<RetrievalRequest>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class RequestRetrievalHandler(
    IRetrievalStore store, ICaseStore cases, ICatalog catalog, IRegistry registry, IUserStore users, AccessControl access, CustodyEntries custody, RetrievalLimits limits, StationTimeZone zone)
    : ICommandHandler<RequestRetrievalCommand, RetrievalRequest>
{
    public async ValueTask<RetrievalRequest> Handle(RequestRetrievalCommand command, CancellationToken cancellationToken)
    {
        if ((command.Case is null) == (command.Recordings.Count == 0))
        {
            throw new FormatException("A retrieval request names either a case (--case) or recordings (--recording), not both.");
        }

        if (string.IsNullOrWhiteSpace(command.Purpose))
        {
            throw new FormatException("A retrieval request needs a purpose (--purpose).");
        }

        var requester = await access.RequireUserAsync("A retrieval request", cancellationToken);
        // The days are the station's (what the requester read and typed), not the server's zone: a server on UTC would
        // otherwise start a Beijing "today" eight hours late.
        var period = RetrievalPeriod.OfDays(command.From, command.Until, zone.Zone).EnsureBounded(custody.Now, limits.MaxDays);
        var recordings = await RecordingsAsync(command, cancellationToken);
        var tier = RetrievalTiers.Required(requester, await OwnersAsync(recordings, cancellationToken), command.OutsideAgency is not null);
        RetrievalRequest Numbered(RetrievalId id) => new(
            id,
            requester.Name,
            command.Case,
            [.. recordings.Select(r => r.Id)],
            command.Purpose.Trim(),
            period,
            command.OutsideAgency?.Trim(),
            tier,
            tier.NeedsApproval ? RetrievalStatus.Pending : RetrievalStatus.Approved,
            custody.Now,
            tier.NeedsApproval ? null : new RetrievalDecision(requester.Name, custody.Now, "own recordings: no approval needed"),
            null)
        {
            RedactedOnly = command.RedactedOnly,
        };
        return await store.CreateAsync(Numbered, r => custody.Entry(r.Id.ToString(), RetrievalRequestedDetails.Of(r)), cancellationToken);
    }

    private async Task<IReadOnlyList<RecordingEntry>> RecordingsAsync(RequestRetrievalCommand command, CancellationToken cancellationToken)
    {
        var ids = command.Recordings;
        if (command.Case is { } number)
        {
            _ = await cases.RequireAsync(number, cancellationToken);
            ids = [.. (await cases.LinksAsync(number, null, cancellationToken)).Where(l => l.Origin != LinkOrigin.Suggested).Select(l => l.Recording).Distinct()];
            if (ids.Count == 0)
            {
                throw new CaseConflictException($"Case {number} has no linked recordings to retrieve.");
            }
        }

        var found = new List<RecordingEntry>();
        foreach (var id in ids.Distinct())
        {
            found.Add(await catalog.FindAsync(id, cancellationToken) ?? throw new RecordingNotFoundException(id));
        }

        return found;
    }

    /// <summary>A recording's department: its officer's user department, else the registry officer's unit.</summary>
    private async Task<IReadOnlyList<RecordingOwner>> OwnersAsync(IReadOnlyList<RecordingEntry> recordings, CancellationToken cancellationToken)
    {
        var byUser = (await users.ListAsync(cancellationToken)).Where(u => u.Officer is not null && u.Department is not null)
            .GroupBy(u => u.Officer!.Value).ToDictionary(g => g.Key, g => g.First().Department);
        var byRegistry = (await registry.OfficersAsync(cancellationToken)).ToDictionary(o => o.Number, o => o.Unit);
        return [.. recordings.Select(r => new RecordingOwner(
            r.Officer,
            r.Officer is { } o ? byUser.GetValueOrDefault(o) ?? byRegistry.GetValueOrDefault(o) : null))];
    }
}
