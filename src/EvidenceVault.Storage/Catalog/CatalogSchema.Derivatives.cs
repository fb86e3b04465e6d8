namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // Derivatives are evidence-grade: the SHA-256 and length of each stored proxy and thumbnail, compared on every way
    // out. Rows from before stay null (unrecorded): such a derivative is not handed out until it is made again.
    private const string V17 = """
        ALTER TABLE recordings ADD COLUMN proxy_sha256 TEXT;
        ALTER TABLE recordings ADD COLUMN proxy_bytes INTEGER;
        ALTER TABLE recordings ADD COLUMN thumbnail_sha256 TEXT;
        ALTER TABLE recordings ADD COLUMN thumbnail_bytes INTEGER;
        """;

    // The preview sprite and its WebVTT cues (issue: the player's hover preview), evidence-grade like the others. No flag
    // of their own: they came with digests, so a digest is the only sign that they exist; older rows have none.
    private const string V19 = """
        ALTER TABLE recordings ADD COLUMN sprite_sha256 TEXT;
        ALTER TABLE recordings ADD COLUMN sprite_bytes INTEGER;
        ALTER TABLE recordings ADD COLUMN sprite_cues_sha256 TEXT;
        ALTER TABLE recordings ADD COLUMN sprite_cues_bytes INTEGER;
        """;
}
