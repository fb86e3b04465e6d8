using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.PriorDisclosure;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.PriorDisclosure;

public sealed class PriorDisclosureTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Monday 2025-03-03, 01:00 in the station's zone, still Sunday in UTC.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 2, 17, 0, 0, TimeSpan.Zero));
    private readonly InMemoryPriorDisclosureStore _store = new();
    private readonly DisclosureRules _rules = new(WorkingDayCalendar.LoadBuiltIn());
    private readonly StationTimeZone _zone = new(Shanghai);
    private readonly CustodyEntries _custody;

    public PriorDisclosureTests() => _custody = new CustodyEntries(new Admin(), _time);

    [Fact]
    public async Task Edit_NewOfficer_NewVersionWithChangeAndOpenedFifteenWorkingDayClock()
    {
        var version = await EditAsync(Set("张建国"));

        Assert.Equal(1, version.Number);
        Assert.Equal(["执法主体:  -> 宁波市鼓楼区市场监督管理局", "执法人员: 新增 张建国 (33020012345)"], version.Changes);
        var (_, entries) = Assert.Single(_store.Appended);
        Assert.Equal([CustodyActions.PriorDisclosureChanged, CustodyActions.DeadlineOpened], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("prior-disclosure/v1", e.Subject));
        Assert.Equal(new DateOnly(2025, 3, 24), CustodyEntries.Read<DeadlineOpenedDetails>(entries[1])!.Due);
    }

    [Fact]
    public async Task Edit_NothingChanged_RefusedAndNoVersion()
    {
        await EditAsync(Set("张建国"));

        await Assert.ThrowsAsync<PriorDisclosureRuleException>(() => EditAsync(Set("张建国")));

        Assert.Single(_store.Versions);
    }

    [Fact]
    public async Task Publish_TwoPendingChangesOneLate_BothClosedOneMetOneMissed()
    {
        await EditAsync(Set("张建国"));
        _time.Advance(TimeSpan.FromDays(25));
        await EditAsync(Set("李卫东"));
        _time.Advance(TimeSpan.FromDays(1));

        var published = await new PublishPriorDisclosureHandler(_store, _rules, _custody, _zone).Handle(new PublishPriorDisclosureCommand(), CancellationToken.None);

        Assert.Equal(2, published.Number);
        Assert.All(_store.Versions, v => Assert.NotNull(v.PublishedAt));
        var actions = _store.Published.Single().Select(e => (e.Subject, e.Action)).ToList();
        Assert.Contains(("prior-disclosure/v1", CustodyActions.DeadlineMissed), actions);
        Assert.Contains(("prior-disclosure/v2", CustodyActions.DeadlineMet), actions);
        await Assert.ThrowsAsync<PriorDisclosureRuleException>(() => new PublishPriorDisclosureHandler(_store, _rules, _custody, _zone).Handle(new PublishPriorDisclosureCommand(), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Deadlines_OpenAndPublishedVersions_DueFifteenWorkingDaysAfterTheStationsDay()
    {
        await EditAsync(Set("张建国"));

        var tracked = Assert.Single(await new PriorDisclosureDeadlines(_store, _rules, _zone).DeadlinesAsync(CancellationToken.None));

        Assert.Equal("prior-disclosure/v1", tracked.Subject);
        Assert.Equal(new DateOnly(2025, 3, 24), tracked.Deadline.Due);
        Assert.Null(tracked.DoneOn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3302 0012345")]
    [InlineData("99020012345")]
    [InlineData("330200")]
    [InlineData("33020012345abc")]
    public void CertificateNumber_Malformed_RefusedWithTheReason(string text) =>
        Assert.Throws<FormatException>(() => EnforcementCertificateNumber.Parse(text));

    private async Task<PriorDisclosureVersion> EditAsync(PriorDisclosureSet set) =>
        await new EditPriorDisclosureHandler(_store, _rules, _custody, _zone).Handle(new EditPriorDisclosureCommand(set), CancellationToken.None);

    private static PriorDisclosureSet Set(string officer) => PriorDisclosureSet.Empty with
    {
        Agency = new EnforcementAgency("宁波市鼓楼区市场监督管理局", "市场监管领域行政执法", "鼓楼区", "中山路1号", "工作日"),
        Officers = [new EnforcementOfficerEntry(officer, EnforcementCertificateNumber.Parse("33020012345"), "市场监管", "鼓楼区", OfficerStatus.Active)],
    };

    private sealed class Admin : IActorContext
    {
        public string Actor => "admin";
    }

    private sealed class InMemoryPriorDisclosureStore : IPriorDisclosureStore
    {
        public List<PriorDisclosureVersion> Versions { get; } = [];

        public List<(PriorDisclosureVersion Version, IReadOnlyList<CustodyEntry> Custody)> Appended { get; } = [];

        public List<IReadOnlyList<CustodyEntry>> Published { get; } = [];

        public Task<IReadOnlyList<PriorDisclosureVersion>> VersionsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PriorDisclosureVersion>>([.. Versions.OrderByDescending(v => v.Number)]);

        public Task AppendAsync(PriorDisclosureVersion version, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken)
        {
            Versions.Add(version);
            Appended.Add((version, custody));
            return Task.CompletedTask;
        }

        public Task PublishAsync(long version, string publisher, DateTimeOffset at, IReadOnlyList<CustodyEntry> custody, CancellationToken cancellationToken)
        {
            for (var i = 0; i < Versions.Count; i++)
            {
                if (Versions[i].Number <= version && Versions[i].PublishedAt is null)
                {
                    Versions[i] = Versions[i] with { Publisher = publisher, PublishedAt = at };
                }
            }

            Published.Add(custody);
            return Task.CompletedTask;
        }
    }
}
