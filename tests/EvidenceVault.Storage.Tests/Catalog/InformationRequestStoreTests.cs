using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Requests;
using EvidenceVault.Storage.Catalog;

namespace EvidenceVault.Storage.Tests.Catalog;

public abstract class InformationRequestStoreTests(CatalogEngine engine) : CatalogTestBase(engine)
{
    private static readonly DateOnly Received = new(2025, 3, 3);
    private static readonly PublishedRequestStatus Opened = new(RequestStage.Received, Received, Received.AddDays(28), false, null);

    [Fact]
    public async Task CreateAsync_TwoRequests_NumberedInOrderRoundTripWithCustody()
    {
        var store = new SqlInformationRequestStore(Database);

        var first = await store.CreateAsync(id => Request(id, "张三"), Lookup, r => [Entry(r, "information-request.received")], CancellationToken.None);
        var second = await store.CreateAsync(id => Request(id, "某某有限公司"), Lookup, r => [Entry(r, "information-request.received"), Entry(r, "deadline.opened")], CancellationToken.None);

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
        var request = await store.CreateAsync(id => Request(id, "张三"), Lookup, r => [Entry(r, "information-request.received")], CancellationToken.None);
        var changed = request with
        {
            Status = InformationRequestStatus.Answered,
            CompletionNotice = new RequestStep("clerk", Received.AddDays(2), "请补充所需信息的文号"),
            Completion = new RequestStep("clerk", Received.AddDays(5), string.Empty),
            Extension = new RequestExtension("clerk", Received.AddDays(20), "王主任", "需要征求第三方意见"),
            Answer = new RequestAnswer("reviewer", Received.AddDays(30), ReplyOutcome.PartlyDisclosed, "条例第三十七条"),
        };

        await store.UpdateAsync(changed, Opened with { Stage = RequestStage.Answered, AnsweredOn = Received.AddDays(30) }, [Entry(request, "information-request.answered"), Entry(request, "deadline.met")], CancellationToken.None);

        Assert.Equal(changed, await store.FindAsync(request.Id, CancellationToken.None));
        Assert.Equal(3, (await Custody.ReadAsync(request.Id.ToString(), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task UpdateAsync_EachStep_StatusRowFollowsAndIsFoundByItsHashAlone()
    {
        var store = new SqlInformationRequestStore(Database);
        var rows = new SqlRequestStatusRows(Database);
        var request = await store.CreateAsync(id => Request(id, "张三"), Lookup, r => [Entry(r, "information-request.received")], CancellationToken.None);
        Assert.Equal(Opened, await rows.FindAsync(Hash(request), CancellationToken.None));

        var extended = Opened with { Stage = RequestStage.Extended, DueOn = Received.AddDays(56), DueProvisional = true };
        await store.UpdateAsync(request, extended, [Entry(request, "information-request.extended")], CancellationToken.None);
        Assert.Equal(extended, await rows.FindAsync(Hash(request), CancellationToken.None));

        var awaiting = Opened with { Stage = RequestStage.AwaitingCompletion, DueOn = null };
        await store.UpdateAsync(request, awaiting, [Entry(request, "information-request.completion-noticed")], CancellationToken.None);
        Assert.Equal(awaiting, await rows.FindAsync(Hash(request), CancellationToken.None));
        Assert.Null(await rows.FindAsync("YSQ-1", CancellationToken.None));
        Assert.Null(await rows.FindAsync(new string('0', 64), CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_StatusProjection_HoldsNoPersonalDataAndNoRequestText()
    {
        var store = new SqlInformationRequestStore(Database);
        var request = await store.CreateAsync(id => Request(id, "张三"), Lookup, r => [Entry(r, "information-request.received")], CancellationToken.None);

        var columns = await QueryRawAsync(Engine == CatalogEngine.Postgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_name = 'information_request_status' AND table_schema = current_schema() ORDER BY column_name"
            : "SELECT name FROM pragma_table_info('information_request_status') ORDER BY name");
        var row = (await QueryRawAsync(
            "SELECT lookup_hash || '|' || CAST(request_id AS TEXT) || '|' || stage || '|' || received_on || '|' || COALESCE(due_on, '') || '|' || CAST(due_provisional AS TEXT) || '|' || COALESCE(answered_on, '') FROM information_request_status")).Single();

        Assert.Equal(["answered_on", "due_on", "due_provisional", "lookup_hash", "received_on", "request_id", "stage"], columns);
        Assert.Equal($"{Hash(request)}|1|Received|2025-03-03|2025-03-31|0|", row);
        foreach (var personal in new[] { "张三", "居民身份证", "320106198503122734", "13812345678", "中山路", "行政处罚决定书目录" })
        {
            Assert.DoesNotContain(personal, row, StringComparison.Ordinal);
        }
    }

    private static string Hash(InformationRequest request) => $"{request.Id}-hash".PadRight(64, '0');

    private static RequestLookup Lookup(InformationRequest request) => new(Hash(request), Opened);

    private static InformationRequest Request(InformationRequestId id, string name) => new(
        id, new Applicant(name, "居民身份证", "320106198503122734", "13812345678", null, "南京市鼓楼区中山路18号"), "2024年度行政处罚决定书目录", null, PreferredForm.Electronic,
        Now, Received, InformationRequestStatus.Received);

    private static CustodyEntry Entry(InformationRequest request, string action) => new(Now, "tester", action, request.Id.ToString(), "{}");
}
