using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using Mediator;

namespace EvidenceVault.Application.Jobs;

/// <summary>A dead job gets fresh attempts, once its cause is fixed (ffmpeg installed, storage back); a custody entry says who and why.</summary>
public sealed record RetryJobCommand(long Id) : ICommand<JobRow>, IRoleRestricted
{
    public IReadOnlyCollection<Role> AllowedRoles => [Role.Archivist, Role.Administrator];
}

public sealed class RetryJobHandler(IJobQueue queue, CustodyEntries custody) : ICommandHandler<RetryJobCommand, JobRow>
{
    public async ValueTask<JobRow> Handle(RetryJobCommand command, CancellationToken cancellationToken)
    {
        var job = await queue.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException($"No job has the id {command.Id}.");
        if (job.State != JobState.Dead)
        {
            throw new FormatException($"Job {job.Id} is {JobNames.Of(job.State)}; only dead jobs are retried.");
        }

        var entry = custody.Entry(job.Subject, new JobRetriedDetails(job.Id, JobNames.Of(job.Kind), job.Attempts, job.LastError));
        if (!await queue.RetryAsync(job.Id, custody.Now, entry, cancellationToken))
        {
            throw new FormatException($"Job {job.Id} was not retried: it is no longer dead, or a {JobNames.Of(job.Kind)} job for {job.Subject} is already waiting.");
        }

        return await queue.FindAsync(job.Id, cancellationToken) ?? throw new NotFoundException($"No job has the id {command.Id}.");
    }
}
