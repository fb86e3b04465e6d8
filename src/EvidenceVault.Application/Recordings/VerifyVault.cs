using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>Re-hash every stored original and name each one whose bytes changed or went missing.</summary>
public sealed record VerifyVaultCommand(IProgress<string>? Progress = null) : ICommand<VerifyReport>;

public sealed record VerifyReport(IReadOnlyList<FixityResult> Results)
{
    public bool AllIntact => Results.All(r => r.State == FixityState.Intact);
}

public sealed class VerifyVaultHandler(IVault vault, OriginalFixity fixity, ICatalog catalog, ICustodyLog custody, CustodyEntries entries)
    : ICommandHandler<VerifyVaultCommand, VerifyReport>
{
    public async ValueTask<VerifyReport> Handle(VerifyVaultCommand command, CancellationToken cancellationToken)
    {
        var results = new List<FixityResult>();
        // Destroyed originals are gone by approved deletion; their tombstone, not the vault, speaks for them.
        foreach (var recording in (await catalog.ListAsync(new RecordingFilter(Limit: int.MaxValue), cancellationToken)).Where(r => r.DestroyedAt is null))
        {
            command.Progress?.Report(recording.Id.Value);
            var result = await fixity.CheckAsync(recording, null, null, cancellationToken);
            results.Add(result);
            if (result.State != FixityState.Intact)
            {
                var details = new IntegrityFailureDetails(result.State.ToString().ToLowerInvariant(), result.Expected.Hex, result.Actual, null, null);
                await custody.AppendAsync(entries.Entry(recording.Id.Value, details), cancellationToken);
            }
        }

        var summary = new VaultVerifiedDetails(results.Count, results.Count(r => r.State != FixityState.Intact));
        await custody.AppendAsync(entries.Entry(vault.Description, summary), cancellationToken);
        return new VerifyReport(results);
    }
}
