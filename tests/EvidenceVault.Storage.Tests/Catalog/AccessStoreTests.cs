using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class AccessStoreTests(CatalogEngine engine) : CatalogTestBase(engine)
{
    [Fact]
    public async Task Users_SaveFindList_RoundTripWithCustodyEntry()
    {
        var store = new SqlUserStore(Database);
        var li = new User(UserName.Parse("li"), "李四", "二中队", new HashSet<Role> { Role.Officer, Role.Reviewer }, true, false, OfficerId.Parse("040506"), true);
        Assert.False(await store.AnyAsync(CancellationToken.None));

        await store.SaveAsync(li, Entry(CustodyActions.UserSaved, "li"), CancellationToken.None);
        await store.SaveAsync(li with { IsActive = false }, Entry(CustodyActions.UserDisabled, "li"), CancellationToken.None);
        var found = await store.FindAsync(li.Name, CancellationToken.None);

        Assert.True(await store.AnyAsync(CancellationToken.None));
        Assert.NotNull(found);
        Assert.Equal((li.DisplayName, li.Department, li.IsDepartmentHead, li.Officer, false), (found.DisplayName, found.Department, found.IsDepartmentHead, found.Officer, found.IsActive));
        Assert.Equal([Role.Officer, Role.Reviewer], found.Roles.Order());
        Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal([CustodyActions.UserSaved, CustodyActions.UserDisabled], (await Custody.ReadAsync("li", CancellationToken.None)).Select(r => r.Entry.Action));
    }

    [Fact]
    public async Task Retrievals_CreateNumbersInOrderAndUpdateKeepsDecisions()
    {
        var store = new SqlRetrievalStore(Database);
        var first = await store.CreateAsync(id => Request(id, null), r => Entry(CustodyActions.RetrievalRequested, r.Id.ToString()), CancellationToken.None);
        var second = await store.CreateAsync(id => Request(id, CaseNumber.Parse("市监罚〔2025〕7号")) with { RedactedOnly = true }, r => Entry(CustodyActions.RetrievalRequested, r.Id.ToString()), CancellationToken.None);

        var approved = second with { Status = RetrievalStatus.Approved, Decision = new RetrievalDecision(UserName.Parse("li"), Now, "ok") };
        await store.UpdateAsync(approved, Entry(CustodyActions.RetrievalApproved, "R-2"), CancellationToken.None);
        var revoked = approved with { Status = RetrievalStatus.Revoked, Revocation = new RetrievalDecision(UserName.Parse("admin"), Now.AddHours(1), null) };
        await store.UpdateAsync(revoked, Entry(CustodyActions.RetrievalRevoked, "R-2"), CancellationToken.None);
        var found = await store.FindAsync(second.Id, CancellationToken.None);

        Assert.Equal(["R-1", "R-2"], new[] { first.Id.ToString(), second.Id.ToString() });
        Assert.NotNull(found);
        Assert.Equal((RetrievalStatus.Revoked, "li", "admin", true), (found.Status, found.Decision?.By.Value, found.Revocation?.By.Value, found.RedactedOnly));
        Assert.False((await store.FindAsync(first.Id, CancellationToken.None))!.RedactedOnly);
        Assert.Equal(second.Period, found.Period);
        Assert.Equal(second.Recordings, found.Recordings);
        Assert.Equal(second.Tier, found.Tier);
        Assert.Equal("市监罚〔2025〕7号", found.Case?.Value);
        Assert.Equal(["R-2", "R-1"], (await store.ListAsync(CancellationToken.None)).Select(r => r.Id.ToString()));
        Assert.Equal(3, (await Custody.ReadAsync("R-2", CancellationToken.None)).Count);
    }

    private static CustodyEntry Entry(string action, string subject) => new(Now, "tester", action, subject, "{}");

    private static RetrievalRequest Request(RetrievalId id, CaseNumber? number) => new(
        id,
        UserName.Parse("wang"),
        number,
        [Recording(1).Id, Recording(2).Id],
        "抽查",
        new RetrievalPeriod(Now, Now.AddDays(2)),
        null,
        new ApprovalTier(TierKind.OtherDepartment, "二中队"),
        RetrievalStatus.Pending,
        Now,
        null,
        null);
}
