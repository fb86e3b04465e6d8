using EvidenceVault.Application.Fixity;
using Microsoft.Extensions.Logging;

namespace EvidenceVault.Application.Jobs;

/// <summary>
/// The scheduled fixity run: re-hashes originals in rolling order within a byte budget, so it never starves
/// ingest of disk bandwidth, and a time limit, so a large vault is covered over several runs. The worker runs the
/// use case itself (it is the system's own duty, not a user's request). Idempotent: a re-run only checks again,
/// and an incident is raised once per damaged original.
/// </summary>
public sealed class FixityJobHandler(RunFixityHandler fixity, ILogger<FixityJobHandler> logger) : IJobHandler
{
    public const double BudgetMegabytesPerSecond = 50;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    public JobKind Kind => JobKind.Fixity;

    public async Task RunAsync(JobLease job, CancellationToken cancellationToken)
    {
        var report = await fixity.Handle(new RunFixityCommand(BudgetMegabytesPerSecond, MaxDuration: MaxDuration), cancellationToken);
        logger.LogInformation("Fixity run by {Worker}: {Checked} checked, {Incidents} incidents raised", job.Owner, report.Results.Count, report.IncidentsRaised.Count);
    }

    public Task GiveUpAsync(JobLease job, string error, CancellationToken cancellationToken) => Task.CompletedTask;
}
