namespace EvidenceVault.Storage.Catalog;

internal static partial class CatalogSchema
{
    // How well founded each sighting's device and officer were (an AttributionBasis), so that a later sighting of the
    // same bytes replaces a recording's facts only when it is better founded. Null for sightings made before.
    private const string V12 = """
        ALTER TABLE sightings ADD COLUMN attribution TEXT;
        """;
}
