namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // 事前公开: every version kept whole (JSON of the Domain records) with what it changed; published_prior_disclosure is the
    // one row the public site reads, written only by a publish, so an unpublished version can never reach the site.
    private const string V27 = """
        CREATE TABLE IF NOT EXISTS prior_disclosure_versions (
            id INTEGER PRIMARY KEY,
            data TEXT NOT NULL,
            changes TEXT NOT NULL,
            editor TEXT NOT NULL,
            edited_at TEXT NOT NULL,
            publisher TEXT,
            published_at TEXT
        );
        CREATE TABLE IF NOT EXISTS published_prior_disclosure (
            slot INTEGER PRIMARY KEY CHECK (slot = 1),
            version INTEGER NOT NULL,
            data TEXT NOT NULL,
            published_at TEXT NOT NULL
        );
        """;
}
