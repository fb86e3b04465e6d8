using EvidenceVault.Domain.Ingestion;

namespace EvidenceVault.Domain.Tests.Ingestion;

public sealed class SystemClutterTests
{
    [Theory]
    [InlineData("System Volume Information/IndexerVolumeGuid", true)]
    [InlineData(".Trashes/501/x.mp4", true)]
    [InlineData("DCIM/._A123456_010203_20250301093015_0007.MP4", true)]
    [InlineData("DCIM/Thumbs.db", true)]
    [InlineData(".DS_Store", true)]
    [InlineData("DCIM/A123456_010203_20250301093015_0007.MP4", false)]
    [InlineData("Trashes/evidence.mp4", false)]
    public void IsClutter_Path_MatchesOnlyOperatingSystemLeftovers(string path, bool expected) =>
        Assert.Equal(expected, SystemClutter.IsClutter(path));
}
