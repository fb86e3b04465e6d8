namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // Random draws (双随机, 抽查). The candidates are kept in canonical form beside the hash committed to, so a list
    // changed afterwards shows as a mismatch; the seed, reveal and selection stay null until the one reveal.
    private const string V20 = """
        CREATE TABLE IF NOT EXISTS draws (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            candidates TEXT NOT NULL,
            list_sha256 TEXT NOT NULL,
            seed_source TEXT NOT NULL,
            quota TEXT NOT NULL,
            algorithm TEXT NOT NULL,
            commitment TEXT NOT NULL,
            seed_due_at TEXT NOT NULL,
            committed_by TEXT NOT NULL,
            committed_at TEXT NOT NULL,
            seed TEXT,
            revealed_by TEXT,
            revealed_at TEXT,
            selected TEXT,
            grant_id INTEGER
        );
        """;

    // Checklist reviews of spot-checked recordings: append-only (a later review of a recording is the one counted).
    private const string V21 = """
        CREATE TABLE IF NOT EXISTS spot_check_reviews (
            id INTEGER PRIMARY KEY,
            draw_id INTEGER NOT NULL REFERENCES draws (id),
            recording_id TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            reviewed_at TEXT NOT NULL,
            findings TEXT NOT NULL,
            follow_up TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_spot_check_reviews_draw ON spot_check_reviews (draw_id, id);
        CREATE TRIGGER IF NOT EXISTS spot_check_reviews_append_only_update BEFORE UPDATE ON spot_check_reviews
            BEGIN SELECT RAISE(ABORT, 'spot-check reviews are append-only'); END;
        """;
}
