using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Requests;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Requests;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Requests;

public sealed class EnterInformationRequestTests
{
    // Wednesday 2025-03-05 in the station's zone.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 5, 2, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInformationRequests _store = new();
    private readonly EnterInformationRequestHandler _handler;

    public EnterInformationRequestTests() => _handler = new EnterInformationRequestHandler(
        new RequestReceipt(_store, new ReplyRules(WorkingDayCalendar.LoadBuiltIn())),
        new CustodyEntries(new Staff(), _time),
        new StationTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));

    [Fact]
    public async Task Handle_LetterSignedForEarlier_ClockRunsFromThatDayAndLedgerNamesTheChannel()
    {
        var item = await EnterAsync(RequestChannel.Letter, new DateOnly(2025, 3, 3));

        Assert.Equal(new DateOnly(2025, 3, 3), item.Request.ReceivedOn);
        Assert.Equal(new DateOnly(2025, 3, 31), item.Due!.Due); // 20 working days after Monday 3 March
        var received = CustodyEntries.Read<InformationRequestReceivedDetails>(Assert.Single(_store.Appended, e => e.Action == CustodyActions.InformationRequestReceived))!;
        Assert.Equal("letter", received.Channel);
        Assert.Contains(_store.Appended, e => e.Action == CustodyActions.DeadlineOpened && e.Subject == item.Request.Id.ToString());
        Assert.DoesNotContain(_store.Appended, e => e.Details.Contains("张三", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handle_InPersonWithoutDate_ReceivedToday() =>
        Assert.Equal(new DateOnly(2025, 3, 5), (await EnterAsync(RequestChannel.InPerson, null)).Request.ReceivedOn);

    [Fact]
    public async Task Handle_ReceivedTomorrow_RefusedAndNothingStored()
    {
        await Assert.ThrowsAsync<FormatException>(() => EnterAsync(RequestChannel.Fax, new DateOnly(2025, 3, 6)));

        Assert.Empty(_store.Requests);
    }

    [Fact]
    public async Task Handle_OnlineChannel_RefusedSinceOnlyThePublicFormReceivesThose() =>
        await Assert.ThrowsAsync<FormatException>(() => EnterAsync(RequestChannel.OnlineForm, null));

    [Fact]
    public async Task Handle_NoContact_RefusedWithTheFormsOwnProblems()
    {
        var invalid = await Assert.ThrowsAsync<InformationRequestInvalidException>(async () =>
            await _handler.Handle(new EnterInformationRequestCommand(new RequestSubmission("张三", null, null, null, null, null, "某文件", null, "纸质"), RequestChannel.Letter), CancellationToken.None));

        Assert.Contains(invalid.Problems, p => p.Field == nameof(RequestSubmission.Phone));
        Assert.Empty(_store.Requests);
    }

    [Fact]
    public async Task Handle_AnyChannel_GivesAQueryCodeStoredOnlyAsTheLookupHashOfItsStatusRow()
    {
        var entered = await EnterEnteredAsync(RequestChannel.Letter, new DateOnly(2025, 3, 3));
        var code = entered.QueryCode.Value;

        Assert.Equal(RequestQueryCode.Length, code.Length);
        Assert.All(code, c => Assert.Contains(c, RequestQueryCode.Alphabet));
        var (id, status) = _store.StatusRows[entered.QueryCode.LookupHash(entered.Item.Request.Id)];
        Assert.Equal(entered.Item.Request.Id, id);
        Assert.Equal(new PublishedRequestStatus(RequestStage.Received, new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 31), false, null), status);
        Assert.DoesNotContain(_store.Appended, e => e.Details.Contains(code, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(_store.StatusRows.Keys, k => k.Contains(code, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Handle_TwoRequests_GetDifferentCodes()
    {
        var first = await EnterEnteredAsync(RequestChannel.Fax, null);
        var second = await EnterEnteredAsync(RequestChannel.Fax, null);

        Assert.NotEqual(first.QueryCode, second.QueryCode);
    }

    [Fact]
    public async Task LookUpAsync_RightWrongOrMalformed_FindsOnlyTheRightPair()
    {
        var entered = await EnterEnteredAsync(RequestChannel.Letter, null);
        var lookup = new RequestStatusLookup(_store.AsStatusRows());
        var reference = entered.Item.Request.Id.ToString();
        var typed = string.Join('-', entered.QueryCode.Value.Chunk(4).Select(c => new string(c))).ToLowerInvariant();

        Assert.NotNull(await lookup.LookUpAsync(reference, typed, CancellationToken.None));
        Assert.Null(await lookup.LookUpAsync("YSQ-2", entered.QueryCode.Value, CancellationToken.None));
        Assert.Null(await lookup.LookUpAsync(reference, RequestQueryCode.New().Value, CancellationToken.None));
        Assert.Null(await lookup.LookUpAsync("YSQ-x", entered.QueryCode.Value, CancellationToken.None));
        Assert.Null(await lookup.LookUpAsync(reference, null, CancellationToken.None));
    }

    private async Task<InformationRequestItem> EnterAsync(RequestChannel channel, DateOnly? receivedOn) => (await EnterEnteredAsync(channel, receivedOn)).Item;

    private async Task<EnteredInformationRequest> EnterEnteredAsync(RequestChannel channel, DateOnly? receivedOn) => await _handler.Handle(
        new EnterInformationRequestCommand(new RequestSubmission("张三", null, null, "13812345678", null, null, "2024年度行政处罚决定书目录", null, "纸质"), channel, receivedOn),
        CancellationToken.None);

    private sealed class Staff : IActorContext
    {
        public string Actor => "reviewer";
    }
}
