namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // Redacted copies (issue 15): many per recording, each with its lineage (source SHA-256, the spec as submitted and
    // its SHA-256, the ffmpeg version) and its own digest, compared on every way out. A row is never changed. A grant may
    // say "redacted copies only": then it hands out no original and no other derivative.
    private const string V24 = """
        CREATE TABLE IF NOT EXISTS redactions (
            id INTEGER PRIMARY KEY,
            recording_id TEXT NOT NULL REFERENCES recordings (id),
            source_sha256 TEXT NOT NULL,
            spec TEXT NOT NULL,
            spec_sha256 TEXT NOT NULL,
            tool TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size_bytes INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_redactions_recording ON redactions (recording_id, id);
        CREATE TRIGGER IF NOT EXISTS redactions_write_once BEFORE UPDATE ON redactions
            BEGIN SELECT RAISE(ABORT, 'redacted copies are recorded once and never changed'); END;
        ALTER TABLE retrieval_requests ADD COLUMN redacted_only INTEGER NOT NULL DEFAULT 0;
        """;
}
