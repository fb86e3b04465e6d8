using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Retention;

/// <summary>Re-syncs the vault locks of every recording a hold covers, after it is placed or released.</summary>
public sealed class HoldLocks(ICaseStore cases, RetentionFacts facts, VaultLockSync locks)
{
    public async Task SyncAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        IEnumerable<RecordingId> covered = hold.Scope == HoldScope.Recording
            ? [RecordingId.Parse(hold.Target)]
            : (await cases.LinksAsync(CaseNumber.Parse(hold.Target), null, cancellationToken)).Where(l => l.Origin != LinkOrigin.Suggested).Select(l => l.Recording);
        // One assessment of the whole catalog, not one full snapshot per covered recording.
        var ids = covered.ToHashSet();
        foreach (var assessed in (await facts.AssessAllAsync(cancellationToken)).Where(a => ids.Contains(a.Recording.Id)))
        {
            await locks.SyncAsync(assessed, cancellationToken);
        }
    }
}
