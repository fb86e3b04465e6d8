using System.Data.Common;
using System.Text.Json;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Domain.Draws;
using EvidenceVault.Domain.Inspections;

namespace EvidenceVault.Storage.Catalog;

/// <summary>双随机 tasks, their recusals, outcomes and public projection in the catalog database (SQLite or PostgreSQL).</summary>
public sealed class SqlInspectionTaskStore(CatalogDatabase database) : IInspectionTaskStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Select = """
        SELECT id, matter, category, area, targets, per_target, target_pool, inspector_pool, target_draw, inspector_draw, created_by, created_at,
               assignment, revealed_at, published_by, published_at
        FROM inspection_tasks
        """;

    public Task<InspectionTask> CreateAsync(
        DrawPlan targets, DrawPlan inspectors, Func<InspectionTaskId, Draw, Draw, InspectionTask> numbered, Func<InspectionTask, CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                var targetDraw = await SqlDrawStore.InsertAsync(connection, transaction, targets.Numbered, targets.Custody, cancellationToken);
                var inspectorDraw = await SqlDrawStore.InsertAsync(connection, transaction, inspectors.Numbered, inspectors.Custody, cancellationToken);
                var task = numbered(
                    new InspectionTaskId(await CatalogDatabase.NextNumberAsync(connection, transaction, "inspection_tasks", cancellationToken)), targetDraw, inspectorDraw);
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO inspection_tasks (id, matter, category, area, targets, per_target, target_pool, inspector_pool, target_draw, inspector_draw, created_by, created_at)
                    VALUES (@id, @matter, @category, @area, @targets, @per_target, @target_pool, @inspector_pool, @target_draw, @inspector_draw, @by, @at)
                    """,
                    p =>
                    {
                        p.AddWithValue("@id", task.Id.Value);
                        p.AddWithValue("@matter", task.Matter);
                        p.AddWithValue("@category", (object?)task.Filter.Category ?? DBNull.Value);
                        p.AddWithValue("@area", (object?)task.Filter.Area ?? DBNull.Value);
                        p.AddWithValue("@targets", task.Targets);
                        p.AddWithValue("@per_target", task.PerTarget);
                        p.AddWithValue("@target_pool", task.TargetPool);
                        p.AddWithValue("@inspector_pool", task.InspectorPool);
                        p.AddWithValue("@target_draw", task.TargetDraw.Value);
                        p.AddWithValue("@inspector_draw", task.InspectorDraw.Value);
                        p.AddWithValue("@by", task.CreatedBy);
                        p.AddWithValue("@at", RecordingRows.Time(task.CreatedAt));
                    },
                    cancellationToken);
                await SqlCustodyWriter.AppendAsync(connection, transaction, custody(task), cancellationToken);
                return task;
            },
            cancellationToken);

    public Task<bool> RevealAsync(InspectionTaskId id, IReadOnlyList<TargetAssignment> assignment, DateTimeOffset at, CustodyEntry custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                var changed = await ChangeAsync(
                    connection,
                    transaction,
                    "UPDATE inspection_tasks SET assignment = @assignment, revealed_at = @at WHERE id = @id AND revealed_at IS NULL",
                    p =>
                    {
                        p.AddWithValue("@id", id.Value);
                        p.AddWithValue("@assignment", JsonSerializer.Serialize(assignment, Json));
                        p.AddWithValue("@at", RecordingRows.Time(at));
                    },
                    cancellationToken);
                if (changed)
                {
                    await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
                }

                return changed;
            },
            cancellationToken);

    public async Task RecuseAsync(InspectionTaskId id, int sequence, Recusal recusal, IReadOnlyList<TargetAssignment> assignment, CustodyEntry custody, CancellationToken cancellationToken)
    {
        try
        {
            await database.InWriteTransactionAsync(
                async (connection, transaction) =>
                {
                    await UpdateOpenAsync(connection, transaction, id, "assignment = @assignment", p => p.AddWithValue("@assignment", JsonSerializer.Serialize(assignment, Json)), cancellationToken);
                    await CatalogDatabase.ExecuteAsync(
                        connection,
                        transaction,
                        """
                        INSERT INTO inspection_recusals (task_id, seq, target, inspector, replacement, reason, recused_by, recused_at)
                        VALUES (@id, @seq, @target, @inspector, @replacement, @reason, @by, @at)
                        """,
                        p =>
                        {
                            p.AddWithValue("@id", id.Value);
                            p.AddWithValue("@seq", sequence);
                            p.AddWithValue("@target", recusal.Target);
                            p.AddWithValue("@inspector", recusal.Inspector);
                            p.AddWithValue("@replacement", recusal.Replacement);
                            p.AddWithValue("@reason", recusal.Reason);
                            p.AddWithValue("@by", recusal.By);
                            p.AddWithValue("@at", RecordingRows.Time(recusal.At));
                        },
                        cancellationToken);
                    await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
                    return true;
                },
                cancellationToken);
        }
        catch (DbException e) when (database.IsConstraintViolation(e))
        {
            throw new InspectionRuleException($"Another recusal on {id} was recorded a moment ago; reload the task and recuse again.");
        }
    }

    public async Task RecordOutcomeAsync(InspectionTaskId id, InspectionOutcome outcome, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken)
    {
        try
        {
            await database.InWriteTransactionAsync(
                async (connection, transaction) =>
                {
                    await UpdateOpenAsync(connection, transaction, id, "id = id", _ => { }, cancellationToken);
                    await CatalogDatabase.ExecuteAsync(
                        connection,
                        transaction,
                        """
                        INSERT INTO inspection_outcomes (task_id, target, result, handling, outcome_date, recorded_by, recorded_at)
                        VALUES (@id, @target, @result, @handling, @date, @by, @at)
                        """,
                        p =>
                        {
                            p.AddWithValue("@id", id.Value);
                            p.AddWithValue("@target", outcome.Target);
                            p.AddWithValue("@result", outcome.Result.ToString());
                            p.AddWithValue("@handling", outcome.Handling);
                            p.AddWithValue("@date", RecordingRows.Day(outcome.Date));
                            p.AddWithValue("@by", outcome.By);
                            p.AddWithValue("@at", RecordingRows.Time(outcome.At));
                        },
                        cancellationToken);
                    foreach (var entry in custody)
                    {
                        await SqlCustodyWriter.AppendAsync(connection, transaction, entry, cancellationToken);
                    }

                    return true;
                },
                cancellationToken);
        }
        catch (DbException e) when (database.IsConstraintViolation(e))
        {
            throw new InspectionRuleException($"{outcome.Target} already has its outcome on {id}; an outcome is recorded once.");
        }
    }

    public Task PublishAsync(PublishedInspection published, string publisher, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken) =>
        database.InWriteTransactionAsync(
            async (connection, transaction) =>
            {
                var id = InspectionTaskId.Parse(published.Task);
                await UpdateOpenAsync(
                    connection,
                    transaction,
                    id,
                    "published_by = @publisher, published_at = @published_at",
                    p =>
                    {
                        p.AddWithValue("@publisher", publisher);
                        p.AddWithValue("@published_at", RecordingRows.Time(published.PublishedAt));
                    },
                    cancellationToken);
                await CatalogDatabase.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO published_inspections (task_id, data, published_at) VALUES (@id, @data, @at)",
                    p =>
                    {
                        p.AddWithValue("@id", id.Value);
                        p.AddWithValue("@data", JsonSerializer.Serialize(published, Json));
                        p.AddWithValue("@at", RecordingRows.UtcKey(published.PublishedAt));
                    },
                    cancellationToken);
                foreach (var entry in custody)
                {
                    await SqlCustodyWriter.AppendAsync(connection, transaction, entry, cancellationToken);
                }

                return true;
            },
            cancellationToken);

    public async Task<InspectionTask?> FindAsync(InspectionTaskId id, CancellationToken cancellationToken) =>
        (await database.QueryAsync(Select + " WHERE id = @id", p => p.AddWithValue("@id", id.Value), Read, cancellationToken)).SingleOrDefault() is { } task
            ? await WithDetailsAsync(task, cancellationToken)
            : null;

    public async Task<IReadOnlyList<InspectionTask>> ListAsync(CancellationToken cancellationToken)
    {
        var tasks = new List<InspectionTask>();
        foreach (var task in await database.QueryAsync(Select + " ORDER BY id DESC", _ => { }, Read, cancellationToken))
        {
            tasks.Add(await WithDetailsAsync(task, cancellationToken));
        }

        return tasks;
    }

    /// <summary>Touches the task row only while it is unpublished, so a step racing a publish is refused rather than lost.</summary>
    private static async Task UpdateOpenAsync(DbConnection connection, DbTransaction transaction, InspectionTaskId id, string set, Action<DbParameterCollection> bind, CancellationToken cancellationToken)
    {
        if (!await ChangeAsync(connection, transaction, $"UPDATE inspection_tasks SET {set} WHERE id = @id AND published_at IS NULL", p => { p.AddWithValue("@id", id.Value); bind(p); }, cancellationToken))
        {
            throw new InspectionRuleException($"{id} was published meanwhile; its record is closed.");
        }
    }

    private static async Task<bool> ChangeAsync(DbConnection connection, DbTransaction transaction, string sql, Action<DbParameterCollection> bind, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command.Parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<InspectionTask> WithDetailsAsync(InspectionTask task, CancellationToken cancellationToken) => task with
    {
        Recusals = await database.QueryAsync(
            "SELECT seq, target, inspector, replacement, reason, recused_by, recused_at FROM inspection_recusals WHERE task_id = @id ORDER BY seq",
            p => p.AddWithValue("@id", task.Id.Value),
            r => new Recusal(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), RecordingRows.ParseTime(r.GetString(6))),
            cancellationToken),
        Outcomes = await database.QueryAsync(
            "SELECT target, result, handling, outcome_date, recorded_by, recorded_at FROM inspection_outcomes WHERE task_id = @id ORDER BY target",
            p => p.AddWithValue("@id", task.Id.Value),
            r => new InspectionOutcome(r.GetString(0), Enum.Parse<InspectionResult>(r.GetString(1)), r.GetString(2), RecordingRows.ParseDay(r.GetString(3)), r.GetString(4), RecordingRows.ParseTime(r.GetString(5))),
            cancellationToken),
    };

    private static InspectionTask Read(DbDataReader r) => new(
        new InspectionTaskId(r.GetInt64(0)),
        r.GetString(1),
        new PoolFilter(r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)),
        r.GetInt32(4),
        r.GetInt32(5),
        r.GetInt64(6),
        r.GetInt64(7),
        new DrawId(r.GetInt64(8)),
        new DrawId(r.GetInt64(9)),
        r.GetString(10),
        RecordingRows.ParseTime(r.GetString(11)))
    {
        Assignment = r.IsDBNull(12) ? null : JsonSerializer.Deserialize<TargetAssignment[]>(r.GetString(12), Json),
        RevealedAt = RecordingRows.OptionalTime(r, 13),
        PublishedBy = r.IsDBNull(14) ? null : r.GetString(14),
        PublishedAt = RecordingRows.OptionalTime(r, 15),
    };
}
