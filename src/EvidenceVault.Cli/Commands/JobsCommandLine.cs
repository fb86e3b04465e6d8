using System.CommandLine;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Cli.Output;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Cli.Commands;

/// <summary><c>evidencevault jobs list|retry</c>: the durable background job queue.</summary>
internal static class JobsCommandLine
{
    public static Command Create() => new("jobs", "The background job queue: media, linking, retention sweeps, fixity") { List(), Retry() };

    private static Command List()
    {
        var state = new Option<string?>("--state") { Description = "pending, leased, done or dead" };
        var limit = new Option<int>("--limit") { Description = "At most this many jobs, newest first", DefaultValueFactory = _ => 200 };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("list", "List jobs, newest first") { state, limit, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var filter = parse.GetValue(state) is { } s ? JobNames.State(s) : (JobState?)null;
            var jobs = await services.GetRequiredService<IMediator>().Send(new ListJobsQuery(filter, parse.GetValue(limit)), ct);
            if (parse.GetValue(json))
            {
                Wire.Print(new { jobs = jobs.Select(Job) });
            }
            else
            {
                foreach (var j in jobs)
                {
                    var error = j.LastError is null ? string.Empty : $"  last error: {j.LastError}";
                    Console.WriteLine(Terminal.Text($"{j.Id,6}  {JobNames.Of(j.Kind),-9}  {JobNames.Of(j.State),-7}  attempts {j.Attempts}  {j.Subject}  next {Wire.Time(j.NextRunAt)}{error}"));
                }

                Console.WriteLine($"{jobs.Count} jobs, {jobs.Count(j => j.State == JobState.Dead)} dead.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Retry()
    {
        var id = new Argument<long>("id") { Description = "Job id (see jobs list --state dead)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on standard output" };
        var command = new Command("retry", "Give a dead job fresh attempts (a job.retried custody entry)") { id, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async services =>
        {
            var job = await services.GetRequiredService<IMediator>().Send(new RetryJobCommand(parse.GetValue(id)), ct);
            if (parse.GetValue(json))
            {
                Wire.Print(Job(job));
            }
            else
            {
                Console.WriteLine($"Job {job.Id} ({JobNames.Of(job.Kind)} {job.Subject}) is pending again.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static object Job(JobRow j) => new
    {
        id = j.Id,
        kind = JobNames.Of(j.Kind),
        subject = j.Subject,
        state = JobNames.Of(j.State),
        attempts = j.Attempts,
        nextRunAt = Wire.Time(j.NextRunAt),
        createdAt = Wire.Time(j.CreatedAt),
        leaseOwner = j.LeaseOwner,
        lastError = j.LastError,
        finishedAt = Wire.Time(j.FinishedAt),
    };
}
