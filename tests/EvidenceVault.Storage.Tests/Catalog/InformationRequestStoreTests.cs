using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Requests;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class InformationRequestStoreTests(CatalogEngine engine) : CatalogTestBase(engine)
{
    private static readonly DateOnly Received = new(2025, 3, 3);

    [Fact]
    public async Task CreateAsync_TwoRequests_NumberedInOrderRoundTripWithCustody()
    {
        var store = new SqlInformationRequestStore(Database);

        var first = await store.CreateAsync(id => Request(id, "张三"), r => [Entry(r, "information-request.received")], CancellationToken.None);
        var second = await store.CreateAsync(id => Request(id, "某某有限公司"), r => [Entry(r, "information-request.received"), Entry(r, "deadline.opened")], CancellationToken.None);

        Assert.Equal(["YSQ-1", "YSQ-2"], new[] { first.Id.ToString(), second.Id.ToString() });
        Assert.Equal(first, await store.FindAsync(first.Id, CancellationToken.None));
        Assert.Equal([second, first], await store.ListAsync(CancellationToken.None));
        Assert.Null(await store.FindAsync(new InformationRequestId(3), CancellationToken.None));
        Assert.Equal(2, (await Custody.ReadAsync("YSQ-2", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task UpdateAsync_EveryStep_RoundTripsWithItsEntries()
    {
        var store = new SqlInformationRequestStore(Database);
        var request = await store.CreateAsync(id => Request(id, "张三"), r => [Entry(r, "information-request.received")], CancellationToken.None);
        var changed = request with
        {
            Status = InformationRequestStatus.Answered,
            CompletionNotice = new RequestStep("clerk", Received.AddDays(2), "请补充所需信息的文号"),
            Completion = new RequestStep("clerk", Received.AddDays(5), string.Empty),
            Extension = new RequestExtension("clerk", Received.AddDays(20), "王主任", "需要征求第三方意见"),
            Answer = new RequestAnswer("reviewer", Received.AddDays(30), ReplyOutcome.PartlyDisclosed, "条例第三十七条"),
        };

        await store.UpdateAsync(changed, [Entry(request, "information-request.answered"), Entry(request, "deadline.met")], CancellationToken.None);

        Assert.Equal(changed, await store.FindAsync(request.Id, CancellationToken.None));
        Assert.Equal(3, (await Custody.ReadAsync(request.Id.ToString(), CancellationToken.None)).Count);
    }

    private static InformationRequest Request(InformationRequestId id, string name) => new(
        id, new Applicant(name, "居民身份证", "320106198503122734", "13812345678", null, "南京市鼓楼区中山路18号"), "2024年度行政处罚决定书目录", null, PreferredForm.Electronic,
        Now, Received, InformationRequestStatus.Received);

    private static CustodyEntry Entry(InformationRequest request, string action) => new(Now, "tester", action, request.Id.ToString(), "{}");
}
