using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class FixityStoreTests : CatalogTestBase
{
    private readonly SqlFixityStore _store;

    protected FixityStoreTests(CatalogEngine engine)
        : base(engine) => _store = new SqlFixityStore(Database);

    [Fact]
    public async Task DueAsync_AfterChecks_NeverCheckedFirstThenOldestCheck()
    {
        var (a, b, c) = (Recording(1), Recording(2), Recording(3));
        foreach (var r in new[] { a, b, c })
        {
            await IngestAsync(r);
        }

        await _store.RecordChecksAsync([new FixityCheck(b.Id, Now.AddHours(2), true, b.Sha256.Hex), new FixityCheck(a.Id, Now.AddHours(1), true, a.Sha256.Hex)], Entry("fixity.checked"), CancellationToken.None);

        var due = await _store.DueAsync(3, CancellationToken.None);

        Assert.Equal([c.Id, a.Id, b.Id], due.Select(r => r.Id));
    }

    [Fact]
    public async Task RecordFailureAsync_TwiceThenResolve_OneIncidentAndTheMarkFollowsIt()
    {
        var r = Recording(1);
        await IngestAsync(r);
        var incident = new IntegrityIncident(0, r.Id, "changed", Now, "{}", IncidentStatus.Open);
        var check = new FixityCheck(r.Id, Now, false, new string('0', 64));

        var first = await _store.RecordFailureAsync(check, Entry("vault.integrity-failure"), incident, id => Entry($"raised {id}"), CancellationToken.None);
        var second = await _store.RecordFailureAsync(check, Entry("vault.integrity-failure"), incident, id => Entry($"raised {id}"), CancellationToken.None);
        var marked = (await Catalog.FindAsync(r.Id, CancellationToken.None))!.Integrity;
        await _store.ResolveAsync(first!.Value, "restored", Entry("integrity.incident-resolved"), CancellationToken.None);
        var cleared = (await Catalog.FindAsync(r.Id, CancellationToken.None))!.Integrity;
        var resolved = await _store.FindIncidentAsync(first.Value, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(IntegrityMark.Failed, marked);
        Assert.Equal(IntegrityMark.Ok, cleared);
        Assert.Equal(IncidentStatus.Resolved, resolved!.Status);
        Assert.Equal("restored", resolved.Resolution);
        Assert.Contains((await Custody.ReadAsync(r.Id.Value, CancellationToken.None)).Select(e => e.Entry.Action), a => a == $"raised {first}");
        Assert.Null(await Custody.VerifyChainAsync(CancellationToken.None));
    }

    private static CustodyEntry Entry(string action) => new(Now, "tester", action, Recording(1).Id.Value, "{}");
}
