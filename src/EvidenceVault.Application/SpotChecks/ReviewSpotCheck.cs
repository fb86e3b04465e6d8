using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.SpotChecks;
using Mediator;

namespace EvidenceVault.Application.SpotChecks;

/// <summary>
/// Record the checklist review of one sampled recording. Only a recording of the revealed sample, and only under the
/// draw's grant while it is active: the same grant check as every retrieval, so an expired grant or a recording
/// outside the sample is refused and the refusal logged.
/// </summary>
public sealed record ReviewSpotCheckCommand(DrawId Draw, RecordingId Recording, IReadOnlyList<ChecklistFinding> Findings, string? FollowUp)
    : ICommand<SpotCheckReview>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Supervision;
}

public sealed class ReviewSpotCheckHandler(IDrawStore draws, ISpotCheckReviewStore reviews, IGrantCheck grants, CustodyEntries custody, SpotCheckLimits limits)
    : ICommandHandler<ReviewSpotCheckCommand, SpotCheckReview>
{
    public async ValueTask<SpotCheckReview> Handle(ReviewSpotCheckCommand command, CancellationToken cancellationToken)
    {
        var draw = await draws.RequireAsync(command.Draw, cancellationToken);
        if (draw.Kind != DrawKind.SpotCheck || draw.Reveal is not { } reveal)
        {
            throw new DrawRefusedException($"{draw.Id} is {(draw.Kind != DrawKind.SpotCheck ? "not a spot check" : "not revealed yet")}; only a revealed spot check's sample is reviewed.");
        }

        await grants.RequireAsync([command.Recording], reveal.Grant, cancellationToken);
        if (!reveal.Selected.Any(c => c.Id == command.Recording.Value))
        {
            throw new DrawRefusedException($"Recording {command.Recording} is not in the sample of {draw.Id}.");
        }

        var review = SpotCheckReview.Of(draw.Id, command.Recording, custody.Actor, custody.Now, command.Findings, command.FollowUp, limits.Checklist);
        await reviews.AddAsync(
            review,
            custody.Entry(command.Recording.Value, new SpotCheckReviewedDetails(draw.Id.ToString(), reveal.Grant?.ToString(), review.Findings, review.Passed, review.FollowUp)),
            cancellationToken);
        return review;
    }
}
