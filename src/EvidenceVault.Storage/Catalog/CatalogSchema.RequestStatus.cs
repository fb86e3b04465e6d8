namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // The published status of information requests, the public site's only read of requests: found by SHA-256(reference ‖ query
    // code) alone, the code itself stored nowhere. Stage and dates only: no name, contact, request text or ground. Written in the
    // transaction of each step; requests received before this migration have no query code, hence no row.
    private const string V28 = """
        CREATE TABLE IF NOT EXISTS information_request_status (
            lookup_hash TEXT PRIMARY KEY,
            request_id INTEGER NOT NULL UNIQUE REFERENCES information_requests (id),
            stage TEXT NOT NULL,
            received_on TEXT NOT NULL,
            due_on TEXT,
            due_provisional INTEGER NOT NULL,
            answered_on TEXT
        );
        """;
}
