using EvidenceVault.Application.Catalog;
using Mediator;

namespace EvidenceVault.Application.Media;

/// <summary>Run the media work that ingest deferred (or that failed and is due for retry).</summary>
public sealed record ProcessMediaCommand(IProgress<string>? Progress = null) : ICommand<ProcessMediaResult>;

/// <summary>How many jobs finished, failed this time, and are still waiting.</summary>
public sealed record ProcessMediaResult(int Done, int Failed, int Pending);

public sealed class ProcessMediaHandler(MediaQueueRunner runner, ICatalog catalog) : ICommandHandler<ProcessMediaCommand, ProcessMediaResult>
{
    public async ValueTask<ProcessMediaResult> Handle(ProcessMediaCommand command, CancellationToken cancellationToken)
    {
        var (done, failed) = await runner.RunDueJobsAsync(command.Progress, cancellationToken);
        return new ProcessMediaResult(done, failed, await catalog.CountPendingMediaJobsAsync(cancellationToken));
    }
}
