namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // Credentials bound to the server secret (a key file outside the catalog): the token and key columns now hold
    // HMAC-SHA256(secret, credential), and each row a seal over what it grants. Rows from before carry no seal and no
    // longer authenticate: users sign in again, station keys are reissued, passwords are set again.
    private const string V16 = """
        ALTER TABLE sessions ADD COLUMN seal TEXT;
        ALTER TABLE station_keys ADD COLUMN seal TEXT;
        ALTER TABLE credentials ADD COLUMN password_seal TEXT;
        """;
}
