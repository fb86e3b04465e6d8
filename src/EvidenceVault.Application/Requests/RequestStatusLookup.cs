using EvidenceVault.Domain.Requests;

namespace EvidenceVault.Application.Requests;

/// <summary>The published status projection, read by its lookup hash alone: the public site's only read of requests.</summary>
public interface IRequestStatusRows
{
    Task<PublishedRequestStatus?> FindAsync(string lookupHash, CancellationToken cancellationToken);
}

/// <summary>
/// The public status lookup: reference and query code in, status out. A malformed reference or code, an unknown reference and a
/// wrong code all give null, so the page cannot tell them apart and cannot be used to learn which references exist.
/// </summary>
public sealed class RequestStatusLookup(IRequestStatusRows rows)
{
    public async Task<PublishedRequestStatus?> LookUpAsync(string? reference, string? code, CancellationToken cancellationToken)
    {
        if (!RequestQueryCode.TryParse(code, out var parsed) || !TryParseReference(reference, out var id))
        {
            return null;
        }

        return await rows.FindAsync(parsed.LookupHash(id), cancellationToken);
    }

    private static bool TryParseReference(string? text, out InformationRequestId id)
    {
        try
        {
            id = InformationRequestId.Parse((text ?? string.Empty).Trim());
            return true;
        }
        catch (FormatException)
        {
            id = default;
            return false;
        }
    }
}
