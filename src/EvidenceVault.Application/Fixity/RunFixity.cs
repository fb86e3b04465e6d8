using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Hashing;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Fixity;

/// <summary>
/// Re-hash stored originals and their derivatives in rolling order (never checked first, then least recently checked),
/// within an optional I/O budget and item or time limits, and raise an integrity incident for each one found changed or missing.
/// </summary>
public sealed record RunFixityCommand(double? BudgetMegabytesPerSecond = null, int? MaxItems = null, TimeSpan? MaxDuration = null)
    : ICommand<FixityRunReport>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => AccessRoles.Integrity;
}

public sealed record FixityRunReport(IReadOnlyList<FixityResult> Results, IReadOnlyList<long> IncidentsRaised, bool TimeLimitReached)
{
    public bool AllIntact => !Results.Any(r => r.IsDamage);
}

public sealed class RunFixityHandler(IFixityStore store, OriginalFixity fixity, DerivativeFixity derivatives, IntegrityIncidents incidents, IVault vault, CustodyEntries entries, TimeProvider time)
    : ICommandHandler<RunFixityCommand, FixityRunReport>
{
    /// <summary>Passed checks are saved in batches, so a long run that is stopped keeps most of its progress without one custody entry per file.</summary>
    private const int BatchSize = 100;

    public async ValueTask<FixityRunReport> Handle(RunFixityCommand command, CancellationToken cancellationToken)
    {
        if (command.BudgetMegabytesPerSecond is <= 0 || command.MaxItems is <= 0 || command.MaxDuration is { Ticks: <= 0 })
        {
            throw new FormatException("The fixity budget, item limit and time limit must be positive.");
        }

        var started = time.GetTimestamp();
        var budget = command.BudgetMegabytesPerSecond is { } mb ? new ByteBudget(mb * 1_000_000, time) : null;
        var results = new List<FixityResult>();
        var raised = new List<long>();
        var batch = new List<FixityCheck>();
        var timeUp = false;
        foreach (var recording in await store.DueAsync(command.MaxItems ?? int.MaxValue, cancellationToken))
        {
            if (command.MaxDuration is { } limit && time.GetElapsedTime(started) >= limit)
            {
                timeUp = true;
                break;
            }

            var original = await fixity.CheckAsync(recording, null, budget, cancellationToken);
            List<FixityResult> checks = [original, .. await derivatives.CheckAllAsync(recording, budget, cancellationToken)];
            results.AddRange(checks);
            if (!checks.Any(c => c.IsDamage))
            {
                batch.Add(new FixityCheck(recording.Id, entries.Now, true, original.Actual));
            }

            foreach (var damaged in checks.Where(c => c.IsDamage))
            {
                if (await incidents.RaiseAsync(recording, damaged, "fixity", cancellationToken) is { } incident)
                {
                    raised.Add(incident);
                }
            }

            if (batch.Count == BatchSize)
            {
                await SaveAsync(batch, cancellationToken);
            }
        }

        await SaveAsync(batch, cancellationToken);
        return new FixityRunReport(results, raised, timeUp);
    }

    private async Task SaveAsync(List<FixityCheck> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var details = new FixityCheckedDetails(batch.Count, [.. batch.Select(c => c.Recording.Value)]);
        await store.RecordChecksAsync([.. batch], entries.Entry(vault.Description, details), cancellationToken);
        batch.Clear();
    }
}
