namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // One job queue for every kind of background work (media, link, retention, fixity) replaces media_jobs; its rows
    // move over unchanged. At most one open (pending or leased) job per kind and subject, so enqueueing is idempotent.
    // One schedule row per periodic kind: the worker that advances next_at enqueues the run, in one transaction,
    // so several workers never double-schedule. A due time at the epoch runs the first sweep as soon as a worker starts.
    private const string V11 = """
        CREATE TABLE IF NOT EXISTS jobs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_run_at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            lease_until TEXT,
            lease_owner TEXT,
            last_error TEXT,
            finished_at TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_jobs_due ON jobs (state, next_run_at, id);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_jobs_open ON jobs (kind, subject) WHERE state IN ('pending', 'leased');
        INSERT INTO jobs (id, kind, subject, state, attempts, next_run_at, created_at, lease_until, lease_owner, last_error)
            SELECT id, 'media', recording_id, state, attempts, next_run_at, next_run_at, lease_until, lease_owner, last_error FROM media_jobs;
        DROP TABLE media_jobs;
        CREATE TABLE IF NOT EXISTS job_schedules (
            kind TEXT PRIMARY KEY,
            every_seconds INTEGER NOT NULL,
            next_at TEXT NOT NULL
        );
        INSERT INTO job_schedules (kind, every_seconds, next_at) VALUES
            ('retention', 3600, '0001-01-01T00:00:00.0000000Z'),
            ('fixity', 86400, '0001-01-01T00:00:00.0000000Z')
            ON CONFLICT DO NOTHING;
        """;
}
