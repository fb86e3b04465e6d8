using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Who may change a case, decided once: its officers, the department head of any of them, archivists and
/// administrators (the legal review goes by role); and a closed case (归档) is frozen until two people reopen it.
/// Refusals are <c>access.denied</c> entries; with no users, only the frozen rule applies.
/// </summary>
public sealed class CaseAccess(AccessControl access, IUserStore users, ICaseStore cases, ICustodyLog log)
{
    public async Task RequireAsync(ICaseChange change, string what, CancellationToken cancellationToken)
    {
        var found = await cases.RequireAsync(change.Number, cancellationToken);
        var user = await access.ActingUserAsync(cancellationToken);
        if (user is not null && change.Guard is (CaseChangeGuard.CaseWork or CaseChangeGuard.ReopenRequest) && !await MayWorkOnAsync(user, found, cancellationToken))
        {
            throw await access.DenyAsync(found.Number.Value, $"{what} changes case {found.Number}, which {user.Name} may not change: case changes are for its officers, their department head, archivists and administrators.", null, cancellationToken);
        }

        var frozen = found.Status == CaseStatus.Closed;
        if (change.Guard is CaseChangeGuard.ReopenRequest or CaseChangeGuard.ReopenApproval)
        {
            if (!frozen)
            {
                throw new CaseConflictException($"Case {found.Number} is open; only a closed (filed) case is reopened.");
            }
        }
        else if (frozen)
        {
            throw new CaseConflictException($"Case {found.Number} is closed (filed, 归档) and accepts no changes; `cases reopen {found.Number} --reason ...` asks for it to be reopened, and a department head or senior user approves.");
        }
    }

    /// <summary>The pending request to reopen the case: the last reopen request with no reopening or closing after it.</summary>
    public async Task<CaseReopenRequestedDetails?> PendingReopenAsync(CaseNumber number, CancellationToken cancellationToken)
    {
        CaseReopenRequestedDetails? pending = null;
        foreach (var record in await log.ReadAsync(number.Value, cancellationToken))
        {
            pending = record.Entry.Action switch
            {
                CustodyActions.CaseReopenRequested => CustodyEntries.Read<CaseReopenRequestedDetails>(record.Entry),
                CustodyActions.CaseReopened or CustodyActions.CaseClosed => null,
                _ => pending,
            };
        }

        return pending;
    }

    /// <summary>True when the user may approve reopening: a senior user, or the department head of one of the case's officers.</summary>
    public async Task<bool> MayApproveReopenAsync(User user, EnforcementCase found, CancellationToken cancellationToken) =>
        user.IsActive && (user.IsSenior || (user.IsDepartmentHead && await LeadsAnOfficerAsync(user, found, cancellationToken)));

    private async Task<bool> MayWorkOnAsync(User user, EnforcementCase found, CancellationToken cancellationToken) =>
        user.Has(Role.Administrator)
        || user.Has(Role.Archivist)
        || (user.Has(Role.Officer) && user.Officer is { } own && found.Officers.Contains(own))
        || (user.IsDepartmentHead && await LeadsAnOfficerAsync(user, found, cancellationToken));

    private async Task<bool> LeadsAnOfficerAsync(User head, EnforcementCase found, CancellationToken cancellationToken) =>
        (await users.OfficersOfAsync(head.Department, cancellationToken)).Overlaps(found.Officers);
}
