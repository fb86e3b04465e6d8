using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Catalog;

/// <summary>The recordings catalog (SQLite or PostgreSQL): recordings, sightings and custody written together in one transaction.</summary>
public sealed partial class SqlCatalog(CatalogDatabase database) : ICatalog
{
    public Task<RecordingEntry?> FindAsync(RecordingId id, CancellationToken cancellationToken) =>
        FindOneAsync("id = @key", id.Value, cancellationToken);

    public Task<RecordingEntry?> FindByDigestAsync(Sha256Digest digest, CancellationToken cancellationToken) =>
        FindOneAsync("sha256 = @key", digest.Hex, cancellationToken);

    public async Task<bool> HasSightingAsync(Sha256Digest digest, string sourceKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sightings WHERE recording_id = @id AND source_key = @key LIMIT 1";
        command.Parameters.AddWithValue("@id", RecordingId.For(digest).Value);
        command.Parameters.AddWithValue("@key", sourceKey);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<bool> RecordIngestAsync(RecordingEntry recording, Sighting sighting, bool queueMediaJob, CustodyEntry custody, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        int inserted;
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO recordings ({RecordingRows.Columns}) VALUES ({RecordingRows.Parameters}) ON CONFLICT (sha256) DO NOTHING";
            RecordingRows.Bind(insert, recording);
            inserted = await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        using (var sight = connection.CreateCommand())
        {
            sight.Transaction = transaction;
            sight.CommandText = "INSERT INTO sightings (recording_id, source_key, source_path, status, seen_at) VALUES (@id, @key, @path, @status, @at)";
            sight.Parameters.AddWithValue("@id", sighting.RecordingId.Value);
            sight.Parameters.AddWithValue("@key", sighting.SourceKey);
            sight.Parameters.AddWithValue("@path", sighting.SourcePath);
            sight.Parameters.AddWithValue("@status", sighting.Status);
            sight.Parameters.AddWithValue("@at", RecordingRows.Time(sighting.SeenAt));
            await sight.ExecuteNonQueryAsync(cancellationToken);
        }

        if (inserted == 1 && queueMediaJob)
        {
            await SqlJobQueue.InsertAsync(connection, transaction, JobKind.Media, recording.Id.Value, sighting.SeenAt, cancellationToken);
        }

        await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted == 1;
    }

    public async Task<bool> UpdateAfterMediaAsync(RecordingEntry recording, CustodyEntry custody, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;

            // Only what media work learns may change; identity, hashes and provenance of an original never do. Only a
            // recording still waiting for media work is updated, so a job run twice (a lease taken over) records its result once.
            update.CommandText = """
                UPDATE recordings SET kind = @kind, recorded_at = @recorded_at, recorded_at_utc = @recorded_at_utc,
                    recorded_at_source = @recorded_at_source, status = @status, reasons = @reasons, media_state = @media_state,
                    duration_seconds = @duration_seconds, video_codec = @video_codec, audio_codec = @audio_codec, width = @width,
                    height = @height, container_created_at = @container_created_at, has_proxy = @has_proxy, has_thumbnail = @has_thumbnail
                WHERE id = @id AND sha256 = @sha256 AND media_state = @pending
                """;
            RecordingRows.Bind(update, recording);
            update.Parameters.AddWithValue("@pending", MediaState.Pending.ToString().ToLowerInvariant());
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                return await FindAsync(recording.Id, cancellationToken) is not null
                    ? false
                    : throw new InvalidOperationException($"Recording {recording.Id} is not in the catalog.");
            }
        }

        await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public Task<IReadOnlyList<RecordingEntry>> ListAsync(RecordingFilter filter, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var values = new List<(string Name, object Value)>();
        void Add(string condition, string name, object value)
        {
            where.Add(condition);
            values.Add((name, value));
        }

        if (filter.Officer is { } officer)
        {
            Add("officer_id = @officer", "@officer", officer.Value);
        }

        if (filter.Device is { } device)
        {
            Add("device_id = @device", "@device", device.Value);
        }

        if (filter.From is { } from)
        {
            Add("recorded_at_utc >= @from", "@from", RecordingRows.UtcKey(from));
        }

        if (filter.To is { } to)
        {
            Add("recorded_at_utc < @to", "@to", RecordingRows.UtcKey(to));
        }

        var sql = $"SELECT {RecordingRows.SelectColumns} FROM recordings"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY recorded_at_utc DESC NULLS LAST, id LIMIT @limit";
        return database.QueryAsync(
            sql,
            p =>
            {
                values.ForEach(v => p.AddWithValue(v.Name, v.Value));
                p.AddWithValue("@limit", filter.Limit);
            },
            RecordingRows.Read,
            cancellationToken);
    }

    private async Task<RecordingEntry?> FindOneAsync(string condition, string key, CancellationToken cancellationToken) =>
        (await database.QueryAsync($"SELECT {RecordingRows.SelectColumns} FROM recordings WHERE {condition}", p => p.AddWithValue("@key", key), RecordingRows.Read, cancellationToken)).SingleOrDefault();
}
