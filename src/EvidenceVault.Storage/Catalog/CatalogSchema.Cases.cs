namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // A change that shortened a recording's retention term (a detach approved by an archivist): the retention plan and
    // the deletion risk gate flag the recording for 60 days after it.
    private const string V18 = """
        CREATE TABLE IF NOT EXISTS term_shortenings (
            id INTEGER PRIMARY KEY,
            recording_id TEXT NOT NULL,
            change TEXT NOT NULL,
            from_term TEXT NOT NULL,
            to_term TEXT NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_term_shortenings_recording ON term_shortenings (recording_id, at);
        """;
}
