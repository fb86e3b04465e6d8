using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Retention;

namespace EvidenceVault.Application.Retention;

/// <summary>
/// Pushes the rules' conclusion down to the vault's own lock, so the storage layer refuses a delete the
/// rules do not allow even if a use case were wrong: retain-until is the dated term (never earlier than
/// the floor), and permanence, open cases and legal holds become hold tags.
/// </summary>
public sealed class VaultLockSync(IVaultRetention vault, RetentionRules rules)
{
    public const string LegalHoldTag = "legal-hold";
    public const string PermanentTag = "permanent";
    public const string OpenCaseTag = "open-case";

    public Task<RetentionLock> SyncAsync(RecordingRetention assessed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessed);
        return vault.ApplyLockAsync(assessed.Recording.Sha256, LockFor(assessed), cancellationToken);
    }

    private RetentionLock LockFor(RecordingRetention assessed)
    {
        var inputs = assessed.Inputs;
        var floor = rules.Floor.EndFrom(inputs.RecordedAt) ?? DateTimeOffset.MaxValue;
        var tags = new List<string>();
        if (inputs.Holds.Count > 0)
        {
            tags.Add(LegalHoldTag);
        }

        if (assessed.Term.UnderlyingState == RetentionState.Permanent)
        {
            tags.Add(PermanentTag);
        }
        else if (assessed.Term.UnderlyingState == RetentionState.WaitingForCases)
        {
            tags.Add(OpenCaseTag);
        }

        var until = assessed.Term.ExpiresAt is { } expires && expires > floor ? expires : floor;
        return new RetentionLock(until, tags);
    }
}
