namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // Publication drafts: internal, the original beside the masked text (JSON of the Domain records) and the party's
    // masking rules. The CHECK keeps the two-person rule in the catalog itself: the approver is never the drafter.
    private const string V22 = """
        CREATE TABLE IF NOT EXISTS publication_drafts (
            id INTEGER PRIMARY KEY,
            case_number TEXT NOT NULL,
            original TEXT NOT NULL,
            party TEXT NOT NULL,
            masked TEXT NOT NULL,
            drafter TEXT NOT NULL,
            drafted_at TEXT NOT NULL,
            status TEXT NOT NULL,
            approver TEXT,
            published_at TEXT,
            display_until TEXT,
            CHECK (approver IS NULL OR approver <> drafter)
        );
        CREATE INDEX IF NOT EXISTS ix_publication_drafts_case ON publication_drafts (case_number);
        """;

    // The published projection, the only tables the public site reads: masked public fields, never a case number,
    // a user or a custody detail. A row keeps its draft's id; it shows until display_until unless it has ended.
    private const string V23 = """
        CREATE TABLE IF NOT EXISTS published_decisions (
            id INTEGER PRIMARY KEY,
            document_number TEXT NOT NULL,
            agency TEXT NOT NULL,
            party TEXT NOT NULL,
            category TEXT NOT NULL,
            facts TEXT NOT NULL,
            legal_basis TEXT NOT NULL,
            conclusion TEXT NOT NULL,
            decision_date TEXT NOT NULL,
            published_at TEXT NOT NULL,
            display_until TEXT NOT NULL,
            withdrawn_at TEXT,
            withdrawal_kind TEXT,
            withdrawal_reason TEXT,
            ended_at TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_published_decisions_date ON published_decisions (decision_date);
        CREATE TABLE IF NOT EXISTS published_checkpoints (
            name TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            root_hash TEXT NOT NULL,
            cut_at TEXT NOT NULL,
            note TEXT NOT NULL
        );
        """;
}
