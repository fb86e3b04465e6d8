using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Requests;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Requests;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Requests;

public sealed class CorrectionNoticeTests
{
    private static readonly InformationRequestId Reference = new(1);

    // Monday 2025-03-03 in the station's zone: the notice window ends 7 working days later, on Wednesday 2025-03-12.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 2, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInformationRequests _store = new();
    private readonly ReplyRules _rules = new(WorkingDayCalendar.LoadBuiltIn());
    private readonly StationTimeZone _zone = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
    private readonly CustodyEntries _custody;

    public CorrectionNoticeTests()
    {
        _custody = new CustodyEntries(new Staff(), _time);
        _store.Requests.Add(new InformationRequest(
            Reference, new Applicant("张三", null, null, "13812345678", null, null), "某文件", null, PreferredForm.Paper, _time.GetUtcNow(), new DateOnly(2025, 3, 3), InformationRequestStatus.Received));
    }

    [Fact]
    public async Task Deadlines_ReceivedRequest_ListsOpenSevenWorkingDayNoticeClockBesideTheReply()
    {
        var notice = Assert.Single(await DeadlinesAsync(), d => d.What == ReplyDeadlines.CorrectionNotice);

        Assert.Equal(new DateOnly(2025, 3, 12), notice.Deadline.Due);
        Assert.Null(notice.DoneOn);
        Assert.Contains("art. 30", notice.Deadline.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notice_WithinSevenWorkingDays_ClosesTheClockAsMetAndStopsTheReplyClock()
    {
        _time.Advance(TimeSpan.FromDays(2));

        await NoticeAsync();

        var deadlines = await DeadlinesAsync();
        Assert.Equal(new DateOnly(2025, 3, 5), Assert.Single(deadlines, d => d.What == ReplyDeadlines.CorrectionNotice).DoneOn);
        Assert.DoesNotContain(deadlines, d => d.What == ReplyDeadlines.Reply);
        Assert.Contains(_store.Appended, e => e.Action == CustodyActions.DeadlineMet && CustodyEntries.Read<DeadlineMetDetails>(e)!.What == ReplyDeadlines.CorrectionNotice);
    }

    [Fact]
    public async Task Notice_AfterSevenWorkingDays_RecordedAsMissed()
    {
        _time.Advance(TimeSpan.FromDays(10)); // Thursday 2025-03-13

        await NoticeAsync();

        var missed = Assert.Single(_store.Appended, e => e.Action == CustodyActions.DeadlineMissed);
        Assert.Equal(1, CustodyEntries.Read<DeadlineMissedDetails>(missed)!.DaysLate);
    }

    [Fact]
    public async Task Completion_AfterTheNotice_ReplyClockRunsTwentyWorkingDaysFromTheCorrection()
    {
        await NoticeAsync();
        _time.Advance(TimeSpan.FromDays(7)); // correction arrives Monday 2025-03-10

        await new RecordRequestCompletionHandler(_store, _rules, _custody, _zone).Handle(new RecordRequestCompletionCommand(Reference, "补充了文号"), CancellationToken.None);

        // 20 working days from 10 March, Qingming (4 April) off.
        Assert.Equal(new DateOnly(2025, 4, 8), Assert.Single(await DeadlinesAsync(), d => d.What == ReplyDeadlines.Reply).Deadline.Due);
    }

    [Fact]
    public async Task Deadlines_AnsweredWithoutNotice_NoNoticeClock()
    {
        await new AnswerInformationRequestHandler(_store, _rules, _custody, _zone).Handle(new AnswerInformationRequestCommand(Reference, ReplyOutcome.Disclosed, string.Empty), CancellationToken.None);

        Assert.DoesNotContain(await DeadlinesAsync(), d => d.What == ReplyDeadlines.CorrectionNotice);
    }

    private Task<IReadOnlyList<TrackedDeadline>> DeadlinesAsync() => new ReplyDeadlines(_store, _rules).DeadlinesAsync(CancellationToken.None);

    private async Task NoticeAsync() =>
        await new NoticeRequestCompletionHandler(_store, _rules, _custody, _zone).Handle(new NoticeRequestCompletionCommand(Reference, "请补充文件名称或文号"), CancellationToken.None);

    private sealed class Staff : IActorContext
    {
        public string Actor => "reviewer";
    }
}
