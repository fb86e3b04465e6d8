using System.Data.Common;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Catalog;

/// <summary>The recordings catalog (SQLite or PostgreSQL): recordings, sightings and custody written together in one transaction.</summary>
public sealed partial class SqlCatalog(CatalogDatabase database) : ICatalog
{
    public Task<RecordingEntry?> FindAsync(RecordingId id, CancellationToken cancellationToken) =>
        FindOneAsync("id = @key", id.Value, cancellationToken);

    public async Task<IngestWrite> RecordIngestAsync(RecordingEntry recording, Func<IngestFound, IngestWrite> decide, CancellationToken cancellationToken)
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

        // Write transactions are serialised on both engines, so what is read here stays true until the commit.
        var write = decide(inserted == 1
            ? new IngestFound(null, [])
            : new IngestFound(await ReadAsync(connection, transaction, recording.Id, cancellationToken), await SightingsAsync(connection, transaction, recording.Id, cancellationToken)));
        using (var sight = connection.CreateCommand())
        {
            var sighting = write.Sighting;
            sight.Transaction = transaction;
            sight.CommandText = "INSERT INTO sightings (recording_id, source_key, source_path, status, seen_at, attribution) VALUES (@id, @key, @path, @status, @at, @attribution)";
            sight.Parameters.AddWithValue("@id", sighting.RecordingId.Value);
            sight.Parameters.AddWithValue("@key", sighting.SourceKey);
            sight.Parameters.AddWithValue("@path", sighting.SourcePath);
            sight.Parameters.AddWithValue("@status", sighting.Status);
            sight.Parameters.AddWithValue("@at", RecordingRows.Time(sighting.SeenAt));
            sight.Parameters.AddWithValue("@attribution", sighting.Basis is { } basis ? Basis(basis) : null);
            await sight.ExecuteNonQueryAsync(cancellationToken);
        }

        if (write.FactsChanged)
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;

            // Only the facts a better-founded sighting may improve; identity, hashes and media facts never change here.
            update.CommandText = """
                UPDATE recordings SET device_id = @device_id, officer_id = @officer_id, recorded_at = @recorded_at, recorded_at_utc = @recorded_at_utc,
                    recorded_at_source = @recorded_at_source, mark = @mark, reasons = @reasons
                WHERE id = @id AND sha256 = @sha256
                """;
            RecordingRows.Bind(update, write.Recording);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (write.Job is { } job)
        {
            await SqlJobQueue.InsertAsync(connection, transaction, job, recording.Id.Value, write.Sighting.SeenAt, cancellationToken);
        }

        foreach (var custody in write.Custody)
        {
            await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return write;
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
                    height = @height, container_created_at = @container_created_at, has_proxy = @has_proxy, has_thumbnail = @has_thumbnail,
                    proxy_sha256 = @proxy_sha256, proxy_bytes = @proxy_bytes, thumbnail_sha256 = @thumbnail_sha256, thumbnail_bytes = @thumbnail_bytes,
                    sprite_sha256 = @sprite_sha256, sprite_bytes = @sprite_bytes, sprite_cues_sha256 = @sprite_cues_sha256, sprite_cues_bytes = @sprite_cues_bytes
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

    public async Task UpdateDerivativeAsync(RecordingId id, DerivativeKind kind, DerivativeDigest digest, CustodyEntry custody, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            var (prefix, flag) = RecordingRows.DerivativeColumns(kind);
            update.CommandText = $"UPDATE recordings SET {(flag is null ? "" : flag + " = 1, ")}{prefix}_sha256 = @sha256, {prefix}_bytes = @bytes WHERE id = @id";
            update.Parameters.AddWithValue("@sha256", digest.Sha256.Hex);
            update.Parameters.AddWithValue("@bytes", digest.Length);
            update.Parameters.AddWithValue("@id", id.Value);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new InvalidOperationException($"Recording {id} is not in the catalog.");
            }
        }

        await SqlCustodyWriter.AppendAsync(connection, transaction, custody, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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

        if (filter.Flag is { } flag)
        {
            Add("reasons LIKE @flag", "@flag", RecordingRows.ReasonPattern(flag));
        }

        if (filter.Scope is { } scope)
        {
            where.Add(RecordingRows.ScopeCondition(scope, (name, value) => values.Add((name, value))));
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

    private static string Basis(AttributionBasis basis) => basis switch
    {
        AttributionBasis.DeviceBinding => "device-binding",
        _ => basis.ToString().ToLowerInvariant(),
    };

    private static async Task<RecordingEntry> ReadAsync(DbConnection connection, DbTransaction transaction, RecordingId id, CancellationToken cancellationToken)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT {RecordingRows.SelectColumns} FROM recordings WHERE id = @id";
        select.Parameters.AddWithValue("@id", id.Value);
        await using var row = await select.ExecuteReaderAsync(cancellationToken);
        return await row.ReadAsync(cancellationToken)
            ? RecordingRows.Read(row)
            : throw new InvalidOperationException($"Recording {id} conflicts on its SHA-256 but is not in the catalog under its id.");
    }

    private static async Task<IReadOnlyList<Sighting>> SightingsAsync(DbConnection connection, DbTransaction transaction, RecordingId id, CancellationToken cancellationToken)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT source_key, source_path, status, seen_at, attribution FROM sightings WHERE recording_id = @id ORDER BY id";
        select.Parameters.AddWithValue("@id", id.Value);
        await using var row = await select.ExecuteReaderAsync(cancellationToken);
        var sightings = new List<Sighting>();
        while (await row.ReadAsync(cancellationToken))
        {
            var basis = await row.IsDBNullAsync(4, cancellationToken) ? null : row.GetString(4);
            sightings.Add(new Sighting(id, row.GetString(0), row.GetString(1), row.GetString(2), RecordingRows.ParseTime(row.GetString(3)))
            {
                Basis = basis is null ? null : Enum.Parse<AttributionBasis>(basis.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true),
            });
        }

        return sightings;
    }

    private async Task<RecordingEntry?> FindOneAsync(string condition, string key, CancellationToken cancellationToken) =>
        (await database.QueryAsync($"SELECT {RecordingRows.SelectColumns} FROM recordings WHERE {condition}", p => p.AddWithValue("@key", key), RecordingRows.Read, cancellationToken)).SingleOrDefault();
}
