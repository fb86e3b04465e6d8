using System.Data.Common;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Disclosure;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class PublicationStoreTests : CatalogTestBase
{
    private static readonly CaseNumber Case = CaseNumber.Parse("宁鼓市监罚〔2025〕18号");
    private static readonly DateOnly Decided = new(2025, 3, 3);
    private readonly SqlPublicationStore _store;
    private readonly SqlPublishedDisclosures _public;
    private readonly SqlCaseStore _cases;

    protected PublicationStoreTests(CatalogEngine engine)
        : base(engine)
    {
        _store = new SqlPublicationStore(Database);
        _public = new SqlPublishedDisclosures(Database);
        _cases = new SqlCaseStore(Database);
    }

    [Fact]
    public async Task CreateDraftAsync_RoundTrip_KeepsOriginalPartyAndMasked()
    {
        var id = await DraftAsync();

        var draft = await _store.FindAsync(id, CancellationToken.None);

        Assert.Equal(PublicationStatus.Draft, draft!.Status);
        Assert.Equal("王小明", draft.Original.Party);
        Assert.Equal("王某某", draft.Masked.Party);
        Assert.Equal(["李四"], draft.Party.OtherPersons);
        Assert.Equal(EnforcementType.Penalty, draft.Masked.Category);
    }

    [Fact]
    public async Task PublishAsync_ApproverIsDrafter_RefusedByTheCatalog()
    {
        var id = await DraftAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => PublishAsync(id, approver: "drafter"));

        Assert.Empty(await _public.SearchAsync(new PublishedDecisionFilter(), Now, CancellationToken.None));
    }

    [Fact]
    public async Task PublishAsync_Draft_ProjectionHoldsOnlyTheMaskedTextAndDecisionIsPublished()
    {
        var id = await DraftAsync();

        await PublishAsync(id);

        var shown = Assert.Single(await _public.SearchAsync(new PublishedDecisionFilter(), Now.AddDays(1), CancellationToken.None));
        Assert.Equal("王某某", shown.Text.Party);
        Assert.DoesNotContain("李四", shown.Text.Facts, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 3, 5), (await _cases.DecisionsAsync(Case, CancellationToken.None)).Single().PublishedOn);
        Assert.Equal("approver", (await _store.FindAsync(id, CancellationToken.None))!.Approver);
        await Assert.ThrowsAsync<PublicationRuleException>(() => PublishAsync(id));
    }

    [Fact]
    public async Task WithdrawAsync_Published_ShownWithReasonAndDecisionTakenDown()
    {
        var id = await DraftAsync();
        await PublishAsync(id);

        await _store.WithdrawAsync(id, new PublishedWithdrawal(WithdrawalKind.Revoked, "经复议决定撤销", Now.AddDays(2)), new DateOnly(2025, 3, 6), new DateOnly(2025, 3, 7), [Entry()], CancellationToken.None);

        var shown = await _public.FindAsync(id, Now.AddDays(3), CancellationToken.None);
        Assert.Equal(("经复议决定撤销", WithdrawalKind.Revoked), (shown!.Withdrawal!.Reason, shown.Withdrawal.Kind));
        var decision = (await _cases.DecisionsAsync(Case, CancellationToken.None)).Single();
        Assert.Equal((new DateOnly(2025, 3, 6), new DateOnly(2025, 3, 7)), (decision.RevokedOn, decision.TakenDownOn));
        Assert.Equal(PublicationStatus.Withdrawn, (await _store.FindAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task SearchAsync_DisplayPeriodOver_HiddenBeforeAndAfterItIsRecordedEnded()
    {
        var id = await DraftAsync();
        await PublishAsync(id, displayDays: 10);

        Assert.Empty(await _public.SearchAsync(new PublishedDecisionFilter(), Now.AddDays(10), CancellationToken.None));
        var due = Assert.Single(await _store.DisplayEndedAsync(Now.AddDays(10), CancellationToken.None));
        await _store.EndAsync(due.Id, Entry(), CancellationToken.None);

        Assert.Empty(await _store.DisplayEndedAsync(Now.AddDays(11), CancellationToken.None));
        Assert.Null(await _public.FindAsync(id, Now.AddDays(1), CancellationToken.None));
        Assert.Equal(PublicationStatus.Ended, (await _store.FindAsync(id, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData("鼓楼区市场监督管理局", null, null, true)]
    [InlineData("玄武区", null, null, false)]
    [InlineData(null, "〔2025〕18", null, true)]
    [InlineData(null, "100%_", null, false)] // LIKE wildcards in the query are matched literally
    [InlineData(null, null, EnforcementType.Licensing, false)]
    [InlineData(null, null, EnforcementType.Penalty, true)]
    public async Task SearchAsync_Filters_MatchAgencyNumberAndCategory(string? agency, string? number, EnforcementType? category, bool found)
    {
        await PublishAsync(await DraftAsync());

        var shown = await _public.SearchAsync(new PublishedDecisionFilter { Agency = agency, DocumentNumber = number, Category = category }, Now.AddDays(1), CancellationToken.None);

        Assert.Equal(found, shown.Count == 1);
    }

    [Fact]
    public async Task SearchAsync_DateRange_ByDecisionDate()
    {
        await PublishAsync(await DraftAsync());

        Assert.Single(await _public.SearchAsync(new PublishedDecisionFilter { From = Decided, To = Decided }, Now.AddDays(1), CancellationToken.None));
        Assert.Empty(await _public.SearchAsync(new PublishedDecisionFilter { From = Decided.AddDays(1) }, Now.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task PublishCheckpointAsync_SameNameTwice_StoredOnce()
    {
        var checkpoint = new PublishedCheckpoint("0000000000000000012-20250301T020000Z.checkpoint", 12, "cm9vdA==", Now, "evidencevault/custody\n12\n...");

        Assert.True(await _store.PublishCheckpointAsync(checkpoint, CancellationToken.None));
        Assert.False(await _store.PublishCheckpointAsync(checkpoint, CancellationToken.None));

        Assert.Equal(12, Assert.Single(await _public.CheckpointsAsync(10, CancellationToken.None)).Size);
    }

    private async Task<long> DraftAsync()
    {
        if (await _cases.FindAsync(Case, CancellationToken.None) is null)
        {
            await _cases.CreateAsync(new EnforcementCase(Case, EnforcementType.Penalty, "王小明", null, [], CaseStatus.Open, Now, null), Entry(), CancellationToken.None);
            await _cases.RecordDecisionAsync(new CaseDecision(Case, Decided, "罚款人民币五千元", false, null), [Entry()], CancellationToken.None);
        }

        var party = new DisclosureParty(PartyKind.NaturalPerson, "王小明", null, false, ["李四"], [], []);
        var original = new DecisionText("宁鼓市监罚〔2025〕18号", "南京市鼓楼区市场监督管理局", "王小明", EnforcementType.Penalty, "王小明与李四销售过期食品", "《食品安全法》第一百二十四条", "罚款人民币五千元", Decided);
        return await _store.CreateDraftAsync(new PublicationDraft(0, Case, original, party, original.MaskedFor(party), "drafter", Now, PublicationStatus.Draft), _ => Entry(), CancellationToken.None);
    }

    private async Task PublishAsync(long id, string approver = "approver", int displayDays = 1000)
    {
        var draft = (await _store.FindAsync(id, CancellationToken.None))!;
        await _store.PublishAsync(id, approver, new PublishedDecision(id, draft.Masked, Now, Now.AddDays(displayDays), null), new DateOnly(2025, 3, 5), [Entry()], CancellationToken.None);
    }

    private static CustodyEntry Entry() => new(Now, "tester", "publication.test", Case.Value, "{}");
}
