using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Storage.Catalog;

/// <summary>Maps recordings to and from rows; times are stored as ISO-8601 text with their offset.</summary>
internal static class RecordingRows
{
    public const string Columns = """
        id, sha256, sm3, size_bytes, kind, format, device_id, officer_id, recorded_at, recorded_at_utc, recorded_at_source,
        mark, source_path, declared_sha256, ingested_at, station_clock, status, reasons, media_state, duration_seconds,
        video_codec, audio_codec, width, height, container_created_at, has_proxy, has_thumbnail,
        proxy_sha256, proxy_bytes, thumbnail_sha256, thumbnail_bytes, sprite_sha256, sprite_bytes, sprite_cues_sha256, sprite_cues_bytes
        """;

    /// <summary>What reads select: the inserted columns plus those set later by other use cases.</summary>
    public const string SelectColumns = Columns + ", destroyed_at, integrity";

    public const string Parameters = """
        @id, @sha256, @sm3, @size_bytes, @kind, @format, @device_id, @officer_id, @recorded_at, @recorded_at_utc, @recorded_at_source,
        @mark, @source_path, @declared_sha256, @ingested_at, @station_clock, @status, @reasons, @media_state, @duration_seconds,
        @video_codec, @audio_codec, @width, @height, @container_created_at, @has_proxy, @has_thumbnail,
        @proxy_sha256, @proxy_bytes, @thumbnail_sha256, @thumbnail_bytes, @sprite_sha256, @sprite_bytes, @sprite_cues_sha256, @sprite_cues_bytes
        """;

    /// <summary>The columns of a derivative's digest and length, and its flag when it has one (proxy and thumbnail).</summary>
    public static (string Prefix, string? Flag) DerivativeColumns(DerivativeKind kind) => kind switch
    {
        DerivativeKind.Proxy => ("proxy", "has_proxy"),
        DerivativeKind.Thumbnail => ("thumbnail", "has_thumbnail"),
        DerivativeKind.Sprite => ("sprite", null),
        DerivativeKind.SpriteCues => ("sprite_cues", null),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown derivative kind."),
    };

    /// <summary>
    /// The SQL condition that keeps a list inside a user's scope (their officers' recordings, or those granted one by
    /// one), adding its parameters through <paramref name="add"/>; an empty scope keeps nothing.
    /// </summary>
    public static string ScopeCondition(RecordingScope scope, Action<string, object> add)
    {
        var officers = scope.Officers.Select((o, i) => Parameter("@scope_o", i, o.Value, add)).ToList();
        var recordings = scope.Recordings.Select((r, i) => Parameter("@scope_r", i, r.Value, add)).ToList();
        var conditions = new List<string>();
        if (officers.Count > 0)
        {
            conditions.Add($"officer_id IN ({string.Join(", ", officers)})");
        }

        if (recordings.Count > 0)
        {
            conditions.Add($"id IN ({string.Join(", ", recordings)})");
        }

        return conditions.Count == 0 ? "1 = 0" : "(" + string.Join(" OR ", conditions) + ")";
    }

    private static string Parameter(string prefix, int index, string value, Action<string, object> add)
    {
        var name = prefix + index.ToString(CultureInfo.InvariantCulture);
        add(name, value);
        return name;
    }

    /// <summary>
    /// A LIKE pattern for a reason code in the <c>reasons</c> column (a JSON array of [code, message] pairs): the code
    /// opens its pair, so a message quoting a code does not match. Codes are kebab-case, so nothing needs escaping.
    /// </summary>
    public static string ReasonPattern(string code) =>
        code.Length is > 0 and <= 64 && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            ? $"%[\"{code}\",%"
            : throw new FormatException($"'{code}' is not a reason code (lowercase letters, digits and '-', e.g. late-upload).");

    public static string Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Fixed-width UTC text, so that string order is time order in SQL.</summary>
    public static string UtcKey(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    /// <summary>A calendar day as the catalog stores it (yyyy-MM-dd, sorts as text).</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads back what <see cref="Day"/> wrote.</summary>
    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads back what <see cref="Time"/> or <see cref="UtcKey"/> wrote.</summary>
    public static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static DateTimeOffset? OptionalTime(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : ParseTime(row.GetString(ordinal));

    public static void Bind(DbCommand command, RecordingEntry r)
    {
        var p = command.Parameters;
        p.AddWithValue("@id", r.Id.Value);
        p.AddWithValue("@sha256", r.Sha256.Hex);
        p.AddWithValue("@sm3", (object?)r.Sm3?.Hex ?? DBNull.Value);
        p.AddWithValue("@size_bytes", r.SizeBytes);
        p.AddWithValue("@kind", r.Kind.ToString().ToLowerInvariant());
        p.AddWithValue("@format", r.Format);
        p.AddWithValue("@device_id", (object?)r.Device?.Value ?? DBNull.Value);
        p.AddWithValue("@officer_id", (object?)r.Officer?.Value ?? DBNull.Value);
        p.AddWithValue("@recorded_at", r.RecordedAt is { } at ? Time(at) : DBNull.Value);
        p.AddWithValue("@recorded_at_utc", r.RecordedAt is { } utc ? UtcKey(utc) : DBNull.Value);
        p.AddWithValue("@recorded_at_source", (object?)r.RecordedAtSource ?? DBNull.Value);
        p.AddWithValue("@mark", (object?)r.Mark ?? DBNull.Value);
        p.AddWithValue("@source_path", r.SourcePath);
        p.AddWithValue("@declared_sha256", (object?)r.DeclaredSha256 ?? DBNull.Value);
        p.AddWithValue("@ingested_at", Time(r.IngestedAt));
        p.AddWithValue("@station_clock", Time(r.StationClock));
        p.AddWithValue("@status", StatusText.Of(r.Status));
        p.AddWithValue("@reasons", JsonSerializer.Serialize(r.Reasons.Select(x => new[] { x.Code, x.Message })));
        p.AddWithValue("@media_state", r.MediaState.ToString().ToLowerInvariant());
        p.AddWithValue("@duration_seconds", (object?)r.DurationSeconds ?? DBNull.Value);
        p.AddWithValue("@video_codec", (object?)r.VideoCodec ?? DBNull.Value);
        p.AddWithValue("@audio_codec", (object?)r.AudioCodec ?? DBNull.Value);
        p.AddWithValue("@width", (object?)r.Width ?? DBNull.Value);
        p.AddWithValue("@height", (object?)r.Height ?? DBNull.Value);
        p.AddWithValue("@container_created_at", r.ContainerCreatedAt is { } c ? Time(c) : DBNull.Value);
        p.AddWithValue("@has_proxy", r.HasProxy ? 1 : 0);
        p.AddWithValue("@has_thumbnail", r.HasThumbnail ? 1 : 0);
        p.AddWithValue("@proxy_sha256", (object?)r.Proxy?.Sha256.Hex ?? DBNull.Value);
        p.AddWithValue("@proxy_bytes", (object?)r.Proxy?.Length ?? DBNull.Value);
        p.AddWithValue("@thumbnail_sha256", (object?)r.Thumbnail?.Sha256.Hex ?? DBNull.Value);
        p.AddWithValue("@thumbnail_bytes", (object?)r.Thumbnail?.Length ?? DBNull.Value);
        p.AddWithValue("@sprite_sha256", (object?)r.Sprite?.Sha256.Hex ?? DBNull.Value);
        p.AddWithValue("@sprite_bytes", (object?)r.Sprite?.Length ?? DBNull.Value);
        p.AddWithValue("@sprite_cues_sha256", (object?)r.SpriteCues?.Sha256.Hex ?? DBNull.Value);
        p.AddWithValue("@sprite_cues_bytes", (object?)r.SpriteCues?.Length ?? DBNull.Value);
    }

    public static RecordingEntry Read(DbDataReader row)
    {
        string? Text(string name) => row.IsDBNull(row.GetOrdinal(name)) ? null : row.GetString(row.GetOrdinal(name));
        long? Number(string name) => row.IsDBNull(row.GetOrdinal(name)) ? null : row.GetInt64(row.GetOrdinal(name));
        DateTimeOffset? When(string name) => Text(name) is { } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : null;
        DerivativeDigest? Derivative(string prefix) =>
            Text(prefix + "_sha256") is { } hex && Number(prefix + "_bytes") is { } length ? new DerivativeDigest(Sha256Digest.Parse(hex), length) : null;
        var reasons = JsonSerializer.Deserialize<string[][]>(Text("reasons") ?? "[]") ?? [];
        return new RecordingEntry
        {
            Id = RecordingId.Parse(Text("id")!),
            Sha256 = Sha256Digest.Parse(Text("sha256")!),
            Sm3 = Text("sm3") is { } sm3 ? Sm3Digest.Parse(sm3) : null,
            SizeBytes = Number("size_bytes")!.Value,
            Kind = Enum.Parse<RecordingKind>(Text("kind")!, ignoreCase: true),
            Format = Text("format")!,
            Device = Text("device_id") is { } d ? DeviceId.Parse(d) : null,
            Officer = Text("officer_id") is { } o ? OfficerId.Parse(o) : null,
            RecordedAt = When("recorded_at"),
            RecordedAtSource = Text("recorded_at_source"),
            Mark = (int?)Number("mark"),
            SourcePath = Text("source_path")!,
            DeclaredSha256 = Text("declared_sha256"),
            IngestedAt = When("ingested_at")!.Value,
            StationClock = When("station_clock")!.Value,
            Status = StatusText.Parse(Text("status")!),
            Reasons = [.. reasons.Select(r => new Reason(r[0], r[1]))],
            MediaState = Enum.Parse<MediaState>(Text("media_state")!, ignoreCase: true),
            DurationSeconds = row.IsDBNull(row.GetOrdinal("duration_seconds")) ? null : row.GetDouble(row.GetOrdinal("duration_seconds")),
            VideoCodec = Text("video_codec"),
            AudioCodec = Text("audio_codec"),
            Width = (int?)Number("width"),
            Height = (int?)Number("height"),
            ContainerCreatedAt = When("container_created_at"),
            HasProxy = Number("has_proxy") == 1,
            HasThumbnail = Number("has_thumbnail") == 1,
            Proxy = Derivative("proxy"),
            Thumbnail = Derivative("thumbnail"),
            Sprite = Derivative("sprite"),
            SpriteCues = Derivative("sprite_cues"),
            DestroyedAt = When("destroyed_at"),
            Integrity = Enum.Parse<IntegrityMark>(Text("integrity")!, ignoreCase: true),
        };
    }
}
