using EvidenceVault.Application.Access;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Domain.Access;
using static EvidenceVault.Application.Audit.CustodyDetails;

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
        var ledger = await RowCheckLedger.ReadAsync(custody, cancellationToken);
        return
        [
            .. await CatalogConsistency.GuardAsync(() => UsersAsync(ledger, cancellationToken)),
            .. await CatalogConsistency.GuardAsync(() => RequestsAsync(cancellationToken)),
            .. await CatalogConsistency.GuardAsync(() => new CredentialRowChecks(credentials, keys, binding, ledger).CheckAsync(cancellationToken)),
        ];
    }

    private async Task<List<RowMismatch>> UsersAsync(IReadOnlyList<CustodyRecord> ledger, CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        var rows = await users.ListAsync(cancellationToken);
        foreach (var user in rows)
        {
            if (!await UserAgreesAsync(user, cancellationToken))
            {
                mismatches.Add(new RowMismatch("users", user.Name.Value, "differs from the custody entries of its changes"));
            }
        }

        var present = rows.Select(u => u.Name.Value).ToHashSet(StringComparer.Ordinal);
        mismatches.AddRange(All<UserSavedDetails>(ledger).Select(e => e.Subject).Distinct(StringComparer.Ordinal).Where(name => !present.Contains(name))
            .Select(name => new RowMismatch("users", name, "the custody log records this user but its row is gone")));
        return mismatches;
    }

    private async Task<List<RowMismatch>> RequestsAsync(CancellationToken cancellationToken)
    {
        var mismatches = new List<RowMismatch>();
        foreach (var request in await retrievals.ListAsync(cancellationToken))
        {
            if (!await RequestAgreesAsync(request, cancellationToken))
            {
                mismatches.Add(new RowMismatch("retrieval_requests", request.Id.ToString(), "differs from the custody entries of its request and decisions"));
            }
        }

        return mismatches;
    }

    private async Task<bool> UserAgreesAsync(User user, CancellationToken cancellationToken)
    {
        var entries = await custody.ReadAsync(user.Name.Value, cancellationToken);
        var saved = entries.LastOrDefault(r => r.Entry.Action == CustodyActions.UserSaved);
        if (saved is null || Of<UserSavedDetails>(saved) is not { } details)
        {
            return false;
        }

        // A disable entry carries only the reason: the row is the last saved user, made inactive.
        var disabled = entries.Last(r => r.Entry.Action is CustodyActions.UserSaved or CustodyActions.UserDisabled).Entry.Action == CustodyActions.UserDisabled;
        return SameText(UserSavedDetails.Of(user with { IsActive = details.Active }), saved.Entry.Details) && user.IsActive == (details.Active && !disabled);
    }

    private async Task<bool> RequestAgreesAsync(RetrievalRequest request, CancellationToken cancellationToken)
    {
        var entries = await custody.ReadAsync(request.Id.ToString(), cancellationToken);
        var requested = entries.FirstOrDefault(r => r.Entry.Action == CustodyActions.RetrievalRequested);
        if (requested is null || Of<RetrievalRequestedDetails>(requested) is not { } details
            || !Enum.TryParse<RetrievalStatus>(details.Status, ignoreCase: true, out var initial))
        {
            return false;
        }

        var status = entries.LastOrDefault(r => r.Entry.Action is CustodyActions.RetrievalApproved or CustodyActions.RetrievalRejected or CustodyActions.RetrievalRevoked)?.Entry.Action switch
        {
            CustodyActions.RetrievalApproved => RetrievalStatus.Approved,
            CustodyActions.RetrievalRejected => RetrievalStatus.Rejected,
            CustodyActions.RetrievalRevoked => RetrievalStatus.Revoked,
            _ => initial,
        };
        return SameText(RetrievalRequestedDetails.Of(request with { Status = initial }), requested.Entry.Details) && request.Status == status;
    }
}
