using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>The markers of every recording linked to a case, for the case timeline: seen by whoever may see the timeline.</summary>
public sealed record ListCaseMarkersQuery(CaseNumber Number) : IQuery<IReadOnlyDictionary<RecordingId, IReadOnlyList<RecordingMarker>>>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed class ListCaseMarkersHandler(ICaseStore cases, ICustodyLog custody)
    : IQueryHandler<ListCaseMarkersQuery, IReadOnlyDictionary<RecordingId, IReadOnlyList<RecordingMarker>>>
{
    public async ValueTask<IReadOnlyDictionary<RecordingId, IReadOnlyList<RecordingMarker>>> Handle(ListCaseMarkersQuery query, CancellationToken cancellationToken)
    {
        _ = await cases.RequireAsync(query.Number, cancellationToken);
        var markers = new Dictionary<RecordingId, IReadOnlyList<RecordingMarker>>();
        foreach (var recording in (await cases.LinksAsync(query.Number, null, cancellationToken)).Select(l => l.Recording).Distinct())
        {
            var found = RecordingMarker.In(await custody.ReadAsync(recording.Value, cancellationToken));
            if (found.Count > 0)
            {
                markers[recording] = found;
            }
        }

        return markers;
    }
}
