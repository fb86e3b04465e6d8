namespace EvidenceVault.Storage.Catalog;

/// <summary>
/// The one schema model: numbered migrations written in the SQL subset SQLite runs as is and
/// <see cref="PostgresSchema"/> renders for PostgreSQL. Each database records the last number it applied.
/// </summary>
internal static partial class CatalogSchema
{
    /// <summary>Each migration's number is the schema version it leaves behind.</summary>
    private static readonly (int Number, string Sql)[] Migrations = [(1, V1), (2, V2), (3, V3), (4, V4), (6, V6), (7, V7), (8, V8), (9, V9), (11, V11), (12, V12), (16, V16), (17, V17), (18, V18), (19, V19), (20, V20), (21, V21), (22, V22), (23, V23), (24, V24), (25, V25), (26, V26), (27, V27), (28, V28)];

    public static int Version => Migrations[^1].Number;

    private const string V1 = """
        CREATE TABLE IF NOT EXISTS recordings (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            sm3 TEXT,
            size_bytes INTEGER NOT NULL,
            kind TEXT NOT NULL,
            format TEXT NOT NULL,
            device_id TEXT,
            officer_id TEXT,
            recorded_at TEXT,
            recorded_at_utc TEXT,
            recorded_at_source TEXT,
            mark INTEGER,
            source_path TEXT NOT NULL,
            declared_sha256 TEXT,
            ingested_at TEXT NOT NULL,
            station_clock TEXT NOT NULL,
            status TEXT NOT NULL,
            reasons TEXT NOT NULL,
            media_state TEXT NOT NULL,
            duration_seconds REAL,
            video_codec TEXT,
            audio_codec TEXT,
            width INTEGER,
            height INTEGER,
            container_created_at TEXT,
            has_proxy INTEGER NOT NULL DEFAULT 0,
            has_thumbnail INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_recordings_officer ON recordings (officer_id, recorded_at_utc);
        CREATE INDEX IF NOT EXISTS ix_recordings_device ON recordings (device_id, recorded_at_utc);
        CREATE INDEX IF NOT EXISTS ix_recordings_time ON recordings (recorded_at_utc);
        CREATE TABLE IF NOT EXISTS sightings (
            id INTEGER PRIMARY KEY,
            recording_id TEXT NOT NULL REFERENCES recordings (id),
            source_key TEXT NOT NULL,
            source_path TEXT NOT NULL,
            status TEXT NOT NULL,
            seen_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_sightings_recording ON sightings (recording_id, source_key);
        CREATE TABLE IF NOT EXISTS media_jobs (
            id INTEGER PRIMARY KEY,
            recording_id TEXT NOT NULL UNIQUE REFERENCES recordings (id),
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_run_at TEXT NOT NULL,
            lease_until TEXT,
            lease_owner TEXT,
            last_error TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_media_jobs_due ON media_jobs (state, next_run_at);
        CREATE TABLE IF NOT EXISTS custody (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_custody_subject ON custody (subject, seq);
        CREATE TRIGGER IF NOT EXISTS custody_append_only_update BEFORE UPDATE ON custody
            BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS custody_append_only_delete BEFORE DELETE ON custody
            BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
        """;

    // Cases, activities, legal reviews, decisions and recording links (full-process records).
    private const string V2 = """
        CREATE TABLE IF NOT EXISTS cases (
            number TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            party TEXT NOT NULL,
            title TEXT,
            officers TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at TEXT NOT NULL,
            closed_at TEXT
        );
        CREATE TABLE IF NOT EXISTS activities (
            id INTEGER PRIMARY KEY,
            case_number TEXT NOT NULL REFERENCES cases (number),
            stage INTEGER NOT NULL,
            activity_type TEXT NOT NULL,
            officers TEXT NOT NULL,
            place TEXT,
            start_at TEXT NOT NULL,
            end_at TEXT NOT NULL,
            start_utc TEXT NOT NULL,
            end_utc TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_activities_window ON activities (start_utc, end_utc);
        CREATE INDEX IF NOT EXISTS ix_activities_case ON activities (case_number, stage);
        CREATE TABLE IF NOT EXISTS legal_reviews (
            case_number TEXT PRIMARY KEY REFERENCES cases (number),
            reviewer TEXT NOT NULL,
            opinion TEXT NOT NULL,
            review_date TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS decisions (
            case_number TEXT PRIMARY KEY REFERENCES cases (number),
            decision_date TEXT NOT NULL,
            conclusion TEXT NOT NULL,
            is_major INTEGER NOT NULL,
            revoked_on TEXT
        );
        CREATE TABLE IF NOT EXISTS recording_links (
            recording_id TEXT NOT NULL REFERENCES recordings (id),
            case_number TEXT NOT NULL REFERENCES cases (number),
            activity_id INTEGER REFERENCES activities (id),
            stage INTEGER NOT NULL,
            origin TEXT NOT NULL,
            reason TEXT NOT NULL,
            document_type TEXT,
            linked_at TEXT NOT NULL,
            PRIMARY KEY (recording_id, case_number)
        );
        CREATE INDEX IF NOT EXISTS ix_links_case ON recording_links (case_number, stage);
        """;

    // The registry: officers, devices and device-to-officer bindings (half-open intervals).
    private const string V3 = """
        CREATE TABLE IF NOT EXISTS officers (
            number TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            certificate TEXT,
            unit TEXT
        );
        CREATE TABLE IF NOT EXISTS devices (
            id TEXT PRIMARY KEY,
            model TEXT,
            unit TEXT
        );
        CREATE TABLE IF NOT EXISTS device_bindings (
            id INTEGER PRIMARY KEY,
            device_id TEXT NOT NULL,
            officer_number TEXT NOT NULL,
            from_at TEXT NOT NULL,
            to_at TEXT,
            from_utc TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_bindings_device ON device_bindings (device_id, from_utc);
        """;

    // Disclosure (公示) progress of decisions.
    private const string V4 = """
        ALTER TABLE decisions ADD COLUMN published_on TEXT;
        ALTER TABLE decisions ADD COLUMN taken_down_on TEXT;
        """;

    // Retention: marks, categories, legal holds, deletion proposals with their approvals, and tombstoned rows.
    // Recording rows are never deleted: destruction clears the bytes and keeps the row and the ledger tombstone.
    private const string V6 = """
        CREATE TABLE IF NOT EXISTS recording_marks (
            recording_id TEXT NOT NULL REFERENCES recordings (id),
            mark TEXT NOT NULL,
            case_number TEXT,
            reason TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (recording_id, mark)
        );
        CREATE TABLE IF NOT EXISTS recording_categories (
            recording_id TEXT PRIMARY KEY REFERENCES recordings (id),
            category TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS legal_holds (
            id INTEGER PRIMARY KEY,
            scope TEXT NOT NULL,
            target TEXT NOT NULL,
            reason TEXT NOT NULL,
            authority TEXT NOT NULL,
            placed_by TEXT NOT NULL,
            placed_at TEXT NOT NULL,
            released_at TEXT,
            released_by TEXT,
            release_reason TEXT
        );
        CREATE TABLE IF NOT EXISTS deletion_proposals (
            id INTEGER PRIMARY KEY,
            recording_id TEXT NOT NULL REFERENCES recordings (id),
            sha256 TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            rule TEXT NOT NULL,
            flags TEXT NOT NULL,
            status TEXT NOT NULL,
            proposed_by TEXT NOT NULL,
            proposed_at TEXT NOT NULL,
            destroy_after TEXT,
            closed_at TEXT
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_deletion_under_way ON deletion_proposals (recording_id) WHERE status IN ('proposed', 'approved');
        CREATE TABLE IF NOT EXISTS deletion_approvals (
            proposal_id INTEGER NOT NULL REFERENCES deletion_proposals (id),
            approver TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (proposal_id, approver)
        );
        ALTER TABLE recordings ADD COLUMN destroyed_at TEXT;
        CREATE TRIGGER IF NOT EXISTS recordings_never_deleted BEFORE DELETE ON recordings
            BEGIN SELECT RAISE(ABORT, 'recording rows are never deleted; destruction keeps the row and a tombstone'); END;
        """;

    // Fixity checks, integrity incidents and the integrity mark on recordings.
    private const string V7 = """
        CREATE TABLE IF NOT EXISTS fixity_checks (
            id INTEGER PRIMARY KEY,
            recording_id TEXT NOT NULL REFERENCES recordings (id),
            checked_at TEXT NOT NULL,
            ok INTEGER NOT NULL,
            actual_sha256 TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_fixity_recording ON fixity_checks (recording_id, checked_at);
        CREATE TABLE IF NOT EXISTS incidents (
            id INTEGER PRIMARY KEY,
            recording_id TEXT NOT NULL REFERENCES recordings (id),
            kind TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            details TEXT NOT NULL,
            status TEXT NOT NULL,
            resolved_at TEXT,
            resolved_by TEXT,
            resolution TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_incidents_recording ON incidents (recording_id, status);
        ALTER TABLE recordings ADD COLUMN integrity TEXT NOT NULL DEFAULT 'ok';
        """;

    // Users and roles; retrieval requests, which become grants when approved (调阅).
    private const string V8 = """
        CREATE TABLE IF NOT EXISTS users (
            name TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            department TEXT,
            roles TEXT NOT NULL,
            department_head INTEGER NOT NULL,
            senior INTEGER NOT NULL,
            officer_number TEXT,
            active INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS retrieval_requests (
            id INTEGER PRIMARY KEY,
            requester TEXT NOT NULL,
            case_number TEXT,
            recordings TEXT NOT NULL,
            purpose TEXT NOT NULL,
            valid_from TEXT NOT NULL,
            valid_until TEXT NOT NULL,
            outside_agency TEXT,
            tier TEXT NOT NULL,
            tier_department TEXT,
            status TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            decided_by TEXT,
            decided_at TEXT,
            decision_reason TEXT,
            revoked_by TEXT,
            revoked_at TEXT,
            revoke_reason TEXT
        );
        """;

    // Sign-in: password hashes and lockout counters, sessions and station API keys. Tokens and keys are kept
    // only as their SHA-256, so a copy of the catalog holds no working credential.
    private const string V9 = """
        CREATE TABLE IF NOT EXISTS credentials (
            user_name TEXT PRIMARY KEY REFERENCES users (name),
            password_hash TEXT,
            password_set_at TEXT,
            failed_sign_ins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT
        );
        CREATE TABLE IF NOT EXISTS sessions (
            token_sha256 TEXT PRIMARY KEY,
            user_name TEXT NOT NULL REFERENCES users (name),
            started_at TEXT NOT NULL,
            last_seen_at TEXT NOT NULL,
            ended_at TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_sessions_user ON sessions (user_name) WHERE ended_at IS NULL;
        CREATE TABLE IF NOT EXISTS station_keys (
            id INTEGER PRIMARY KEY,
            prefix TEXT NOT NULL UNIQUE,
            key_sha256 TEXT NOT NULL UNIQUE,
            station TEXT NOT NULL,
            user_name TEXT NOT NULL REFERENCES users (name),
            issued_at TEXT NOT NULL,
            issued_by TEXT NOT NULL,
            last_used_at TEXT,
            revoked_at TEXT,
            revoked_by TEXT
        );
        """;

    /// <summary>The migrations a catalog at <paramref name="current"/> still needs, in order (none when up to date).</summary>
    public static IReadOnlyList<(int Number, string Sql)> Pending(int current) =>
        current > Version
            ? throw new InvalidOperationException($"The catalog has schema version {current}, newer than this program's {Version}; upgrade EvidenceVault.")
            : Migrations.Where(m => m.Number > current).ToList();
}
