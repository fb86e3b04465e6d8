using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;
using Mediator;

namespace EvidenceVault.Application.Inspections;

/// <summary>
/// Puts a task's results on the public site (一公开), an explicit step once every drawn target has its outcome and the task
/// verifies; the projection carries the lists, seed and commitments so anyone can repeat both draws and the assignment.
/// Meets or misses the task's 20-working-day clock on the publication day.
/// </summary>
public sealed record PublishInspectionResultsCommand(InspectionTaskId Id) : ICommand<PublishedInspection>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class PublishInspectionResultsHandler(
    IInspectionTaskStore tasks, IInspectionPoolStore pools, InspectionReplay replay, DisclosureRules rules, CustodyEntries custody, StationTimeZone zone)
    : ICommandHandler<PublishInspectionResultsCommand, PublishedInspection>
{
    public async ValueTask<PublishedInspection> Handle(PublishInspectionResultsCommand command, CancellationToken cancellationToken)
    {
        var task = await tasks.RequireAsync(command.Id, cancellationToken);
        var assignment = task.RequireAssignment();
        task.EnsureNotPublished();
        var missing = assignment.Where(a => !task.Outcomes.Any(o => o.Target == a.Target)).Select(a => a.Target).ToList();
        if (missing.Count > 0)
        {
            throw new InspectionRuleException($"{task.Id} cannot be published before every drawn target has its outcome; missing: {string.Join(", ", missing)}.");
        }

        var verification = await replay.VerifyAsync(task, cancellationToken);
        if (!verification.Holds)
        {
            throw new InspectionRuleException($"{task.Id} does not verify and is not published: {string.Join("; ", verification.Problems)}.");
        }

        var (targetDraw, inspectorDraw) = await replay.DrawsAsync(task, cancellationToken);
        var targets = (await pools.RequireIntactAsync(task.TargetPool, cancellationToken)).Targets.ToDictionary(t => t.Code, StringComparer.Ordinal);
        var inspectors = (await pools.RequireIntactAsync(task.InspectorPool, cancellationToken)).Inspectors.ToDictionary(i => i.CertificateNumber, StringComparer.Ordinal);
        var now = custody.Now;
        var published = new PublishedInspection(
            task.Id.ToString(),
            task.Matter,
            now,
            [.. assignment.Select(a =>
            {
                var o = task.Outcomes.Single(o => o.Target == a.Target);
                return new PublishedInspectionTarget(
                    a.Target, targets[a.Target].Name, [.. a.Inspectors.Select(i => new PublishedInspector(i, inspectors[i].Name, inspectors[i].Unit))], InspectionResults.Label(o.Result), o.Handling, o.Date);
            })],
            Terms(targetDraw),
            Terms(inspectorDraw),
            task.PerTarget,
            InspectionAssignment.Version,
            [.. task.Recusals.Select(r => new PublishedRecusal(r.Target, r.Inspector, r.Replacement))]);
        await tasks.PublishAsync(
            published,
            custody.Actor,
            [
                custody.Entry(task.Subject, new InspectionPublishedDetails(published.Targets.Count, now)),
                custody.Closed(task.Subject, InspectionDeadlines.PublishDeadline, InspectionDeadlines.Due(rules, task), zone.DayOf(now)),
            ],
            cancellationToken);
        return published;
    }

    private static PublishedDrawTerms Terms(Draw d) => new(
        d.Id.ToString(), d.Candidates.Canonical, d.ListHash.ToString(), d.SeedSource.Name, d.Reveal!.Seed.Value, d.Quota.Entries, DrawAlgorithm.Version, d.Commitment.ToString());
}
