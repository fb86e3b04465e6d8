using System.Text.Json;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Access;

namespace EvidenceVault.Application.Audit;

/// <summary>
/// A user flag or a request status edited by hand would widen access behind the custody log (a reviewer made
/// senior, a pending request marked approved), so every user and retrieval row is compared with the custody
/// entries of its changes, and every credential by <see cref="CredentialRowChecks"/>.
/// </summary>
public sealed class AccessConsistency(
    IUserStore users, IRetrievalStore retrievals, ICredentialStore credentials, IStationKeyStore keys, CredentialBinding binding, ICustodyLog custody)
{
    public async Task<IReadOnlyList<RowMismatch>> CheckAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        foreach (var user in await users.ListAsync(cancellationToken))
        {
            if (!await UserAgreesAsync(user, cancellationToken))
            {
                mismatches.Add(new RowMismatch("users", user.Name.Value, "differs from the custody entries of its changes"));
            }
        }

        foreach (var request in await retrievals.ListAsync(cancellationToken))
        {
            if (!await RequestAgreesAsync(request, cancellationToken))
            {
                mismatches.Add(new RowMismatch("retrieval_requests", request.Id.ToString(), "differs from the custody entries of its request and decisions"));
            }
        }

        mismatches.AddRange(await new CredentialRowChecks(credentials, keys, binding, await custody.ReadAsync(null, cancellationToken)).CheckAsync(cancellationToken));
        return mismatches;
    }

    private async Task<bool> UserAgreesAsync(User user, CancellationToken cancellationToken)
    {
        var entries = (await custody.ReadAsync(user.Name.Value, cancellationToken)).Select(r => r.Entry).ToList();
        var saved = entries.LastOrDefault(e => e.Action == CustodyActions.UserSaved);
        if (saved is null)
        {
            return false;
        }

        // A disable entry carries only the reason: the row is the last saved user, made inactive.
        var savedActive = JsonDocument.Parse(saved.Details).RootElement.GetProperty("active").GetBoolean();
        var disabled = entries.Last(e => e.Action is CustodyActions.UserSaved or CustodyActions.UserDisabled).Action == CustodyActions.UserDisabled;
        return Same(UserDetails.Of(user with { IsActive = savedActive }), saved.Details) && user.IsActive == (savedActive && !disabled);
    }

    private async Task<bool> RequestAgreesAsync(RetrievalRequest request, CancellationToken cancellationToken)
    {
        var entries = (await custody.ReadAsync(request.Id.ToString(), cancellationToken)).Select(r => r.Entry).ToList();
        var requested = entries.FirstOrDefault(e => e.Action == CustodyActions.RetrievalRequested);
        if (requested is null)
        {
            return false;
        }

        var initial = Enum.Parse<RetrievalStatus>(JsonDocument.Parse(requested.Details).RootElement.GetProperty("status").GetString()!, ignoreCase: true);
        var status = entries.LastOrDefault(e => e.Action is CustodyActions.RetrievalApproved or CustodyActions.RetrievalRejected or CustodyActions.RetrievalRevoked)?.Action switch
        {
            CustodyActions.RetrievalApproved => RetrievalStatus.Approved,
            CustodyActions.RetrievalRejected => RetrievalStatus.Rejected,
            CustodyActions.RetrievalRevoked => RetrievalStatus.Revoked,
            _ => initial,
        };
        return Same(RetrievalDetails.Of(request with { Status = initial }), requested.Details) && request.Status == status;
    }

    /// <summary>Custody details are serialized the same way (<see cref="CustodyEntries"/>), so equal rows give equal text.</summary>
    private static bool Same(object details, string recorded) => string.Equals(JsonSerializer.Serialize(details), recorded, StringComparison.Ordinal);
}
