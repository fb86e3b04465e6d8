using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>Re-hash every stored original and each of its derivatives, and name each one whose bytes changed or went missing.</summary>
public sealed record VerifyVaultCommand(IProgress<string>? Progress = null) : ICommand<VerifyReport>;

/// <summary>Originals and derivatives checked; an unrecorded derivative (made before digests were kept) is listed, not failed.</summary>
public sealed record VerifyReport(IReadOnlyList<FixityResult> Results)
{
    public bool AllIntact => !Results.Any(r => r.IsDamage);

    public int OriginalsChecked => Results.Count(r => r.Derivative is null);

    public int DerivativesChecked => Results.Count(r => r.Derivative is not null);
}

public sealed class VerifyVaultHandler(IVault vault, OriginalFixity originals, DerivativeFixity derivatives, ICatalog catalog, ICustodyLog custody, CustodyEntries entries)
    : ICommandHandler<VerifyVaultCommand, VerifyReport>
{
    public async ValueTask<VerifyReport> Handle(VerifyVaultCommand command, CancellationToken cancellationToken)
    {
        var results = new List<FixityResult>();
        // Destroyed originals are gone by approved deletion; their tombstone, not the vault, speaks for them.
        foreach (var recording in (await catalog.ListAsync(new RecordingFilter(Limit: int.MaxValue), cancellationToken)).Where(r => r.DestroyedAt is null))
        {
            command.Progress?.Report(recording.Id.Value);
            List<FixityResult> checks = [await originals.CheckAsync(recording, null, null, cancellationToken), .. await derivatives.CheckAllAsync(recording, null, cancellationToken)];
            results.AddRange(checks);
            foreach (var failed in checks.Where(c => c.IsDamage))
            {
                await custody.AppendAsync(entries.Entry(recording.Id.Value, IntegrityFailureDetails.Of(failed, null)), cancellationToken);
            }
        }

        var report = new VerifyReport(results);
        var summary = new VaultVerifiedDetails(report.OriginalsChecked, results.Count(r => r.IsDamage)) { DerivativesChecked = report.DerivativesChecked };
        await custody.AppendAsync(entries.Entry(vault.Description, summary), cancellationToken);
        return report;
    }
}
