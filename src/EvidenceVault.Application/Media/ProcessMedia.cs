using EvidenceVault.Application.Jobs;
using Mediator;

namespace EvidenceVault.Application.Media;

/// <summary>Run the media and linking work that ingest deferred (or that failed and is due for retry), in this process.</summary>
public sealed record ProcessMediaCommand : ICommand<ProcessMediaResult>;

/// <summary>How many jobs finished, failed this time, and are still waiting.</summary>
public sealed record ProcessMediaResult(int Done, int Failed, int Pending);

public sealed class ProcessMediaHandler(JobRunner runner, IJobQueue queue) : ICommandHandler<ProcessMediaCommand, ProcessMediaResult>
{
    public async ValueTask<ProcessMediaResult> Handle(ProcessMediaCommand command, CancellationToken cancellationToken)
    {
        // Link jobs follow media work and are drained too; the counts are of media jobs, as before.
        var media = (await runner.DrainAsync(WorkerIdentity.ForThisProcess("process"), JobRunner.RecordingWork, cancellationToken)).Where(o => o.Kind == JobKind.Media).ToList();
        return new ProcessMediaResult(
            media.Count(o => o.Outcome == JobOutcome.Done),
            media.Count(o => o.Outcome == JobOutcome.Failed),
            await queue.CountOpenAsync(JobKind.Media, cancellationToken));
    }
}
