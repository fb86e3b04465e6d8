using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Domain.Naming;

namespace EvidenceVault.Application.Tests.Fakes;

/// <summary>The real <see cref="FileIngestor"/> over in-memory stores, acting as <c>tester</c> (built-in profiles, UTC names).</summary>
internal static class TestIngestor
{
    public static FileIngestor Create(InMemoryVault vault, InMemoryCatalog catalog, string staging, TimeProvider time)
    {
        var custody = new CustodyEntries(new Tester(), time);
        return new FileIngestor(
            vault,
            catalog,
            new StagingArea(staging),
            new ProvenanceResolver(new RecorderNameParser(RecorderProfile.BuiltIn, TimeZoneInfo.Utc), catalog),
            new SourceWiper(vault, catalog, custody),
            custody,
            time);
    }

    private sealed class Tester : IActorContext
    {
        public string Actor => "tester";
    }
}
