namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // Information requests from the public (依申请公开, issue 15): the applicant and what they asked, and each step in its own
    // columns (completion notice, completion, extension, answer), each recorded once. The ledger holds only a digest of the
    // applicant's data (see InformationRequestReceivedDetails), so this row is where those data live and can be corrected.
    private const string V26 = """
        CREATE TABLE IF NOT EXISTS information_requests (
            id INTEGER PRIMARY KEY,
            applicant_name TEXT NOT NULL,
            id_type TEXT,
            id_number TEXT,
            phone TEXT,
            email TEXT,
            address TEXT,
            description TEXT NOT NULL,
            purpose TEXT,
            preferred_form TEXT NOT NULL,
            received_at TEXT NOT NULL,
            received_on TEXT NOT NULL,
            status TEXT NOT NULL,
            notice_by TEXT,
            notice_on TEXT,
            notice_text TEXT,
            completed_by TEXT,
            completed_on TEXT,
            completed_note TEXT,
            extended_by TEXT,
            extended_on TEXT,
            extension_approver TEXT,
            extension_reason TEXT,
            answered_by TEXT,
            answered_on TEXT,
            outcome TEXT,
            ground TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_information_requests_status ON information_requests (status, received_on);
        """;
}
