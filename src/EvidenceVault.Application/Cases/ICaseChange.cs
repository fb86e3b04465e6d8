using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Cases;

/// <summary>
/// Marks a command that changes one case; the case pipeline behavior checks, before the handler runs, that the
/// acting user may change it (<see cref="CaseAccess"/>) and that its file is still open.
/// </summary>
public interface ICaseChange
{
    CaseNumber Number { get; }

    /// <summary>Who may make the change beyond the role check.</summary>
    CaseChangeGuard Guard => CaseChangeGuard.CaseWork;
}

/// <summary>What a case change needs of the actor and of the case's state.</summary>
public enum CaseChangeGuard
{
    /// <summary>Case work: the case's officers, their department head, archivists, administrators; the case open.</summary>
    CaseWork,

    /// <summary>The legal review: the review office by role (no membership), the case open.</summary>
    Review,

    /// <summary>Asking to reopen a filed case: case work on a closed case.</summary>
    ReopenRequest,

    /// <summary>Approving a reopen: a department head of the case or a senior user, not the requester; the case closed.</summary>
    ReopenApproval,
}
