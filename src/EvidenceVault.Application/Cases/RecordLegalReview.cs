using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using Mediator;

namespace EvidenceVault.Application.Cases;

/// <summary>Record the legal-review office's opinion (法制审核) on a case's decision.</summary>
public sealed record RecordLegalReviewCommand(CaseNumber Number, string Reviewer, string Opinion, DateOnly Date) : ICommand<LegalReview>, IRoleRestricted, ICaseChange
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.LegalReview;

    public CaseChangeGuard Guard => CaseChangeGuard.Review;
}

public sealed class RecordLegalReviewHandler(ICaseStore cases, CustodyEntries custody) : ICommandHandler<RecordLegalReviewCommand, LegalReview>
{
    public async ValueTask<LegalReview> Handle(RecordLegalReviewCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Reviewer) || string.IsNullOrWhiteSpace(command.Opinion))
        {
            throw new FormatException("A legal review needs the reviewer and the opinion.");
        }

        var review = new LegalReview(command.Number, command.Reviewer.Trim(), command.Opinion.Trim(), command.Date);
        var details = new LegalReviewRecordedDetails(review.Reviewer, review.Opinion, review.Date);
        await cases.RecordReviewAsync(review, custody.Entry(command.Number.Value, details), cancellationToken);
        return review;
    }
}
