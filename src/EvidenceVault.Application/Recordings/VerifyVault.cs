using System.Security.Cryptography;
using System.Text.Json;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>Re-hash every stored original and name each one whose bytes changed or went missing.</summary>
public sealed record VerifyVaultCommand(IProgress<string>? Progress = null) : ICommand<VerifyReport>;

public enum FixityState
{
    Intact,
    Changed,
    Missing,
}

public sealed record FixityResult(RecordingId Id, Sha256Digest Expected, FixityState State, string? Actual);

public sealed record VerifyReport(IReadOnlyList<FixityResult> Results)
{
    public bool AllIntact => Results.All(r => r.State == FixityState.Intact);
}

public sealed class VerifyVaultHandler(IVault vault, ICatalog catalog, ICustodyLog custody, IActorContext actor, TimeProvider time)
    : ICommandHandler<VerifyVaultCommand, VerifyReport>
{
    public async ValueTask<VerifyReport> Handle(VerifyVaultCommand command, CancellationToken cancellationToken)
    {
        var results = new List<FixityResult>();
        // Destroyed originals are gone by approved deletion; their tombstone, not the vault, speaks for them.
        foreach (var recording in (await catalog.ListAsync(new RecordingFilter(Limit: int.MaxValue), cancellationToken)).Where(r => r.DestroyedAt is null))
        {
            command.Progress?.Report(recording.Id.Value);
            var result = await CheckAsync(recording, cancellationToken);
            results.Add(result);
            if (result.State != FixityState.Intact)
            {
                var details = JsonSerializer.Serialize(new { state = result.State.ToString().ToLowerInvariant(), expected = result.Expected.Hex, actual = result.Actual });
                await custody.AppendAsync(new CustodyEntry(time.GetUtcNow(), actor.Actor, CustodyActions.IntegrityFailure, recording.Id.Value, details), cancellationToken);
            }
        }

        var summary = JsonSerializer.Serialize(new { checkedCount = results.Count, failures = results.Count(r => r.State != FixityState.Intact) });
        await custody.AppendAsync(new CustodyEntry(time.GetUtcNow(), actor.Actor, CustodyActions.Verified, vault.Description, summary), cancellationToken);
        return new VerifyReport(results);
    }

    private async Task<FixityResult> CheckAsync(RecordingEntry recording, CancellationToken cancellationToken)
    {
        try
        {
            await using var stored = await vault.OpenOriginalAsync(recording.Sha256, cancellationToken);
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stored, cancellationToken));
            return new FixityResult(recording.Id, recording.Sha256, actual == recording.Sha256.Hex ? FixityState.Intact : FixityState.Changed, actual);
        }
        catch (VaultObjectMissingException)
        {
            return new FixityResult(recording.Id, recording.Sha256, FixityState.Missing, null);
        }
        catch (VaultIntegrityException ex)
        {
            return new FixityResult(recording.Id, recording.Sha256, FixityState.Changed, ex.Actual);
        }
    }
}
