namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // 双随机一公开. Pool versions keep the imported CSV verbatim beside its SHA-256, so a pool changed afterwards no longer
    // hashes to what was recorded; tasks point at the pool versions and the two draws they committed. Recusals are
    // numbered per task (the key decides which of two racing recusals counts) and append-only; one outcome per target.
    // published_inspections is the only table the public site reads, written only by a publish.
    private const string V25 = """
        CREATE TABLE IF NOT EXISTS inspection_pools (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            csv TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            imported_by TEXT NOT NULL,
            imported_at TEXT NOT NULL
        );
        CREATE TRIGGER IF NOT EXISTS inspection_pools_append_only_update BEFORE UPDATE ON inspection_pools
            BEGIN SELECT RAISE(ABORT, 'inspection pool versions are never changed'); END;
        CREATE TABLE IF NOT EXISTS inspection_tasks (
            id INTEGER PRIMARY KEY,
            matter TEXT NOT NULL,
            category TEXT,
            area TEXT,
            targets INTEGER NOT NULL,
            per_target INTEGER NOT NULL,
            target_pool INTEGER NOT NULL REFERENCES inspection_pools (id),
            inspector_pool INTEGER NOT NULL REFERENCES inspection_pools (id),
            target_draw INTEGER NOT NULL REFERENCES draws (id),
            inspector_draw INTEGER NOT NULL REFERENCES draws (id),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            assignment TEXT,
            revealed_at TEXT,
            published_by TEXT,
            published_at TEXT
        );
        CREATE TABLE IF NOT EXISTS inspection_recusals (
            task_id INTEGER NOT NULL REFERENCES inspection_tasks (id),
            seq INTEGER NOT NULL,
            target TEXT NOT NULL,
            inspector TEXT NOT NULL,
            replacement TEXT NOT NULL,
            reason TEXT NOT NULL,
            recused_by TEXT NOT NULL,
            recused_at TEXT NOT NULL,
            PRIMARY KEY (task_id, seq)
        );
        CREATE TRIGGER IF NOT EXISTS inspection_recusals_append_only_update BEFORE UPDATE ON inspection_recusals
            BEGIN SELECT RAISE(ABORT, 'recusals are append-only'); END;
        CREATE TABLE IF NOT EXISTS inspection_outcomes (
            task_id INTEGER NOT NULL REFERENCES inspection_tasks (id),
            target TEXT NOT NULL,
            result TEXT NOT NULL,
            handling TEXT NOT NULL,
            outcome_date TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (task_id, target)
        );
        CREATE TABLE IF NOT EXISTS published_inspections (
            task_id INTEGER PRIMARY KEY,
            data TEXT NOT NULL,
            published_at TEXT NOT NULL
        );
        """;
}
