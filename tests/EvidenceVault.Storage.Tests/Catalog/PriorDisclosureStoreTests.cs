using EvidenceVault.Application.Custody;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Storage.Catalog;
using EvidenceVault.Testing.PriorDisclosure;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class PriorDisclosureStoreTests : CatalogTestBase
{
    private readonly SqlPriorDisclosureStore _store;
    private readonly SqlPublishedDisclosures _public;

    protected PriorDisclosureStoreTests(CatalogEngine engine)
        : base(engine)
    {
        _store = new SqlPriorDisclosureStore(Database);
        _public = new SqlPublishedDisclosures(Database);
    }

    [Fact]
    public async Task AppendAsync_TwoVersions_BothKeptNewestFirstWithTheirData()
    {
        await AppendAsync(1, "张建国");
        await AppendAsync(2, "李卫东");

        var versions = await _store.VersionsAsync(CancellationToken.None);

        Assert.Equal([2L, 1L], versions.Select(v => v.Number));
        Assert.Equal("李卫东", versions[0].Data.Officers[0].Name);
        Assert.Equal("张建国", versions[1].Data.Officers[0].Name);
        Assert.Equal("33020012345", versions[1].Data.Officers[0].Certificate.Value);
        Assert.Equal(["change 2"], versions[0].Changes);
        Assert.Null(versions[0].PublishedAt);
    }

    [Fact]
    public async Task AppendAsync_NumberTakenByAnotherEdit_RefusedAndNothingStored()
    {
        await AppendAsync(1, "张建国");

        await Assert.ThrowsAsync<PriorDisclosureConflictException>(() => AppendAsync(1, "李卫东"));

        Assert.Single(await _store.VersionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PublishAsync_Batch_MarksEveryEarlierVersionAndProjectsOnlyTheNewest()
    {
        await AppendAsync(1, "张建国");
        await AppendAsync(2, "李卫东");

        await _store.PublishAsync(2, "admin", Now.AddDays(1), [Entry()], CancellationToken.None);

        Assert.All(await _store.VersionsAsync(CancellationToken.None), v => Assert.Equal("admin", v.Publisher));
        var shown = await _public.PriorDisclosureAsync(CancellationToken.None);
        Assert.Equal(2, shown!.Version);
        Assert.Equal("李卫东", shown.Data.Officers[0].Name);
        Assert.Equal(Now.AddDays(1), shown.PublishedAt);
        await Assert.ThrowsAsync<PriorDisclosureRuleException>(() => _store.PublishAsync(2, "admin", Now.AddDays(2), [Entry()], CancellationToken.None));
    }

    [Fact]
    public async Task PriorDisclosureAsync_EditAfterPublish_SiteStillShowsThePublishedVersion()
    {
        await AppendAsync(1, "张建国");
        await _store.PublishAsync(1, "admin", Now, [Entry()], CancellationToken.None);
        await AppendAsync(2, "李卫东");
        await ExecuteRawAsync("INSERT INTO prior_disclosure_versions (id, data, changes, editor, edited_at, publisher, published_at) VALUES (3, '{}', '[]', 'x', '2025-03-01T00:00:00Z', 'x', '2025-03-01T00:00:00Z')");

        var shown = await _public.PriorDisclosureAsync(CancellationToken.None);

        Assert.Equal(1, shown!.Version);
        Assert.Equal("张建国", shown.Data.Officers[0].Name);
    }

    [Fact]
    public async Task PriorDisclosureAsync_NothingPublished_Null()
    {
        await AppendAsync(1, "张建国");

        Assert.Null(await _public.PriorDisclosureAsync(CancellationToken.None));
    }

    private Task AppendAsync(long number, string officer) =>
        _store.AppendAsync(new PriorDisclosureVersion(number, PriorDisclosureSamples.Set(officer), [$"change {number}"], "admin", Now), [Entry()], CancellationToken.None);

    private static CustodyEntry Entry() => new(Now, "tester", "prior-disclosure.test", "prior-disclosure/v1", "{}");
}
