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
        foreach (var recording in covered.Distinct())
        {
            var assessed = await facts.AssessAsync(recording, cancellationToken);
            if (assessed.Recording.DestroyedAt is null)
            {
                await locks.SyncAsync(assessed, cancellationToken);
            }
        }
    }
}
