namespace EvidenceVault.Cli.Tests.Support;

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<SampleMedia>
{
    public const string Name = "real media";
}
