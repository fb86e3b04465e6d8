using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Requests;

/// <summary>
/// The public site's one write: submit a request and learn its reference and dates. Nothing here reads any request back, so the
/// anonymous site holding this port can see no one's request, its own included.
/// </summary>
public interface IRequestIntake
{
    /// <exception cref="InformationRequestInvalidException">The submission has problems; each is named for its field.</exception>
    Task<RequestAcknowledgement> SubmitAsync(RequestSubmission submission, CancellationToken cancellationToken);
}

/// <summary>
/// What the applicant takes away: the reference, the day the request counts as received, the reply's due date (provisional when
/// counted over a year whose holiday arrangement is not loaded yet), and the query code for the status page, shown this once.
/// </summary>
public sealed record RequestAcknowledgement(InformationRequestId Reference, DateOnly ReceivedOn, DateOnly DueOn, bool DueProvisional, RequestQueryCode QueryCode);
