using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Diagnostics;

namespace EvidenceVault.Application.Jobs;

/// <summary>
/// Who holds a lease: <c>host:pid:process-start-ticks:name</c>. Host, pid and start time let the queue take back the
/// leases of a process that was killed at once; the name tells the workers of one process apart.
/// </summary>
public sealed record WorkerIdentity(string Id)
{
    /// <summary>The custody actor of work a worker does on its own account (scheduled sweeps, media, linking).</summary>
    public string Actor => "worker:" + Id;

    public static WorkerIdentity ForThisProcess(string name) => new($"{Environment.MachineName}:{LocalProcess.Current}:{name}");

    public override string ToString() => Id;
}

/// <summary>
/// Puts the worker in custody entries: while a worker runs a job, the actor is the worker, whatever actor the host
/// otherwise has (the CLI's account, or a request's user). It wraps the host's own actor context.
/// </summary>
public sealed class WorkerActorContext(IActorContext host) : IActorContext
{
    private static readonly AsyncLocal<string?> Current = new();

    public string Actor => Current.Value ?? host.Actor;

    // Outside a job every member is the host's: a station key's request acts as its bound user through its station
    // (the interface's defaults would make the user "dock07 (station DS-07)", no user of the catalog).
    public string ActingUser => Current.Value ?? host.ActingUser;

    public string? Station => Current.Value is null ? host.Station : null;

    /// <summary>Acts as <paramref name="worker"/> for the rest of the calling async flow (and what it starts).</summary>
    public static void ActAs(WorkerIdentity worker) => Current.Value = worker.Actor;
}
