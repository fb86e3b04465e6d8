using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Linking;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// The full-process timeline of a case (全过程记录): every stage up to the furthest one reached, in order,
/// with its activities and its written and audio-video records aligned by time, and what is missing.
/// </summary>
public sealed record CaseTimelineQuery(CaseNumber Number) : IQuery<CaseTimeline>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Everyone;
}

public sealed record CaseTimeline(EnforcementCase Case, IReadOnlyList<TimelineStage> Stages, IReadOnlyList<TimelineRecord> Suggestions, IReadOnlyList<CompletenessFinding> Findings);

public sealed record TimelineStage(ProcedureStage Stage, IReadOnlyList<CaseActivity> Activities, IReadOnlyList<TimelineRecord> Records);

public sealed record TimelineRecord(RecordingEntry Recording, RecordingLink Link);

public sealed class CaseTimelineHandler(ICaseStore cases, ICatalog catalog, CompletenessChecker checker, ListAccess access) : IQueryHandler<CaseTimelineQuery, CaseTimeline>
{
    public async ValueTask<CaseTimeline> Handle(CaseTimelineQuery query, CancellationToken cancellationToken)
    {
        var found = await cases.RequireAsync(query.Number, cancellationToken);
        var activities = await cases.ActivitiesAsync(query.Number, cancellationToken);
        var records = new List<TimelineRecord>();
        foreach (var link in await cases.LinksAsync(query.Number, null, cancellationToken))
        {
            if (await catalog.FindAsync(link.Recording, cancellationToken) is { } recording)
            {
                records.Add(new TimelineRecord(recording, link));
            }
        }

        var confirmed = records.Where(r => r.Link.Origin != LinkOrigin.Suggested).ToList();
        var decided = (await cases.DecisionsAsync(query.Number, cancellationToken)).Count > 0 ? ProcedureStage.Decision : ProcedureStage.Start;
        var reached = activities.Select(a => a.Stage).Concat(confirmed.Select(r => r.Link.Stage)).Append(decided).Max();
        var stages = Enum.GetValues<ProcedureStage>().Where(s => s <= reached).Select(stage => new TimelineStage(
            stage,
            [.. activities.Where(a => a.Stage == stage).OrderBy(a => a.Start)],
            [.. confirmed.Where(r => r.Link.Stage == stage).OrderBy(r => r.Recording.RecordedAt ?? r.Link.At)])).ToList();

        var findings = checker.Check(stages.Select(s => new StageEvidence(
            s.Stage,
            [.. s.Activities.Select(a => new StageActivity(a.Id, a.ActivityType))],
            [.. s.Records.Select(r => new EvidenceRecord(r.Recording.Kind, r.Link.DocumentType, r.Link.ActivityId))])));
        // Completeness is the case's, over every record; the records shown are only those the actor may see.
        var scope = await access.RecordingScopeAsync(cancellationToken);
        bool Visible(TimelineRecord r) => scope is null || scope.Contains(r.Recording);
        return new CaseTimeline(
            found,
            [.. stages.Select(s => s with { Records = [.. s.Records.Where(Visible)] })],
            [.. records.Where(r => r.Link.Origin == LinkOrigin.Suggested && Visible(r))],
            findings);
    }
}
