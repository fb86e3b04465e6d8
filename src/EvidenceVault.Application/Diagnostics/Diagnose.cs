using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Application.Retention;
using EvidenceVault.Application.Vault;
using Mediator;

namespace EvidenceVault.Application.Diagnostics;

/// <summary>What an operator needs to know about this installation: backends, how retention is enforced, and health.</summary>
public sealed record DiagnoseQuery : IQuery<SystemReport>;

/// <summary>One line per concern; <see cref="Problems"/> lists what needs attention.</summary>
public sealed record SystemReport(string Vault, string RetentionEnforcement, int PendingMediaJobs, int ActiveHolds, string CustodyChain, IReadOnlyList<string> Problems);

public sealed class DiagnoseHandler(IVault vault, IVaultRetention retention, IVaultHealth health, IJobQueue queue, IRetentionStore store, IncrementalChainCheck chain)
    : IQueryHandler<DiagnoseQuery, SystemReport>
{
    public async ValueTask<SystemReport> Handle(DiagnoseQuery query, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        string enforcement;
        if (health.Current is { Available: false } down)
        {
            // Asking storage now would only wait out the SDK's retries; the vault already knows it is down.
            enforcement = "unknown";
            problems.Add($"vault unreachable: {down.LastError ?? "storage is failing"}");
        }
        else
        {
            try
            {
                enforcement = await retention.DescribeEnforcementAsync(cancellationToken);
            }
            catch (VaultException ex)
            {
                enforcement = "unknown";
                problems.Add($"vault unreachable: {ex.Message}");
            }
        }

        var chainBreak = await chain.CheckAsync(cancellationToken);
        if (chainBreak is not null)
        {
            problems.Add($"custody chain broken at entry {chainBreak.Sequence}: run `evidencevault audit verify`");
        }

        return new SystemReport(
            vault.Description,
            enforcement,
            await queue.CountOpenAsync(JobKind.Media, cancellationToken),
            (await store.HoldsAsync(activeOnly: true, cancellationToken)).Count,
            chainBreak is null ? "intact" : "BROKEN",
            problems);
    }
}
