using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;

namespace EvidenceVault.Application.Inspections;

/// <summary>
/// 双随机 tasks. Each step is decided inside its write transaction (revealed once, one recusal per sequence number, one
/// outcome per target, published once) and carries its custody entries in the same transaction.
/// </summary>
public interface IInspectionTaskStore
{
    /// <summary>
    /// Stores a new task and its two draws (targets, then inspectors) with their custody entries in one transaction, so a
    /// failure part-way leaves no draw without its task and no task without its draws.
    /// </summary>
    Task<InspectionTask> CreateAsync(
        DrawPlan targets, DrawPlan inspectors, Func<InspectionTaskId, Draw, Draw, InspectionTask> numbered, Func<InspectionTask, CustodyEntry> custody, CancellationToken cancellationToken);

    /// <summary>Stores the assignment of a task not yet revealed; false (nothing written) when another reveal came first.</summary>
    Task<bool> RevealAsync(InspectionTaskId id, IReadOnlyList<TargetAssignment> assignment, DateTimeOffset at, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the task's recusal number <paramref name="sequence"/> and the assignment it leaves; refused with
    /// <see cref="InspectionRuleException"/> when that number is taken (another recusal came first) or the task is published.
    /// </summary>
    Task RecuseAsync(InspectionTaskId id, int sequence, Recusal recusal, IReadOnlyList<TargetAssignment> assignment, CustodyEntry custody, CancellationToken cancellationToken);

    /// <summary>Stores a target's outcome; refused with <see cref="InspectionRuleException"/> when the target has one or the task is published.</summary>
    Task RecordOutcomeAsync(InspectionTaskId id, InspectionOutcome outcome, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken);

    /// <summary>Marks the task published and writes its public projection; refused when it was published meanwhile.</summary>
    Task PublishAsync(PublishedInspection published, string publisher, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken);

    Task<InspectionTask?> FindAsync(InspectionTaskId id, CancellationToken cancellationToken);

    /// <summary>All tasks, newest first.</summary>
    Task<IReadOnlyList<InspectionTask>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A 双随机 task: the matter, the pools and filter it draws from, the two committed draws (targets, then inspectors);
/// after the reveal the stored assignment, then recusals (in order), outcomes and publication.
/// </summary>
public sealed record InspectionTask(
    InspectionTaskId Id,
    string Matter,
    PoolFilter Filter,
    int Targets,
    int PerTarget,
    long TargetPool,
    long InspectorPool,
    DrawId TargetDraw,
    DrawId InspectorDraw,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    /// <summary>The assignment as stored (null before the reveal); verification replays it from the draws.</summary>
    public IReadOnlyList<TargetAssignment>? Assignment { get; init; }

    public DateTimeOffset? RevealedAt { get; init; }

    public IReadOnlyList<Recusal> Recusals { get; init; } = [];

    public IReadOnlyList<InspectionOutcome> Outcomes { get; init; } = [];

    public string? PublishedBy { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public string Subject => Id.ToString();

    public IReadOnlyList<TargetAssignment> RequireAssignment() =>
        Assignment ?? throw new InspectionRuleException($"{Id} is not revealed yet: reveal it once its seed is public (evidencevault inspection task reveal).");

    public void EnsureNotPublished()
    {
        if (PublishedAt is { } at)
        {
            throw new InspectionRuleException($"{Id} was published at {at:yyyy-MM-dd HH:mm zzz}; its record is closed.");
        }
    }
}

/// <summary>Lookups every task use case needs.</summary>
public static class InspectionTaskStoreExtensions
{
    public static async Task<InspectionTask> RequireAsync(this IInspectionTaskStore store, InspectionTaskId id, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) ?? throw new NotFoundException($"No inspection task is numbered {id}.");
}
