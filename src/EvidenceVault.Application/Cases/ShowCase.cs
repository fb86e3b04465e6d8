using EvidenceVault.Application.Access;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>One case with its activities, legal review, decision and linked recordings.</summary>
public sealed record ShowCaseQuery(CaseNumber Number) : IQuery<CaseDetails>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed record CaseDetails(
    EnforcementCase Case,
    IReadOnlyList<CaseActivity> Activities,
    LegalReview? Review,
    CaseDecision? Decision,
    IReadOnlyList<RecordingLink> Links);

public sealed class ShowCaseHandler(ICaseStore cases) : IQueryHandler<ShowCaseQuery, CaseDetails>
{
    public async ValueTask<CaseDetails> Handle(ShowCaseQuery query, CancellationToken cancellationToken)
    {
        var found = await cases.RequireAsync(query.Number, cancellationToken);
        return new CaseDetails(
            found,
            await cases.ActivitiesAsync(query.Number, cancellationToken),
            await cases.FindReviewAsync(query.Number, cancellationToken),
            (await cases.DecisionsAsync(query.Number, cancellationToken)).SingleOrDefault(),
            await cases.LinksAsync(query.Number, null, cancellationToken));
    }
}
