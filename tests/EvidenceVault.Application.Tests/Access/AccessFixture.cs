using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Tests.Fakes;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Recordings;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Application.Tests.Access;

/// <summary>Users of two departments, one recording each, and the access services wired over in-memory fakes.</summary>
public sealed class AccessFixture
{
    public static readonly OfficerId ZhangNumber = OfficerId.Parse("010203");
    public static readonly OfficerId LiNumber = OfficerId.Parse("040506");

    public AccessFixture()
    {
        Control = new AccessControl(Access, Access, Catalog, new CustodyEntries(Access, Time));
        Recordings = new RecordingAccess(Control, Access, Catalog, Time);
        ZhangsRecording = AddRecording("aa", ZhangNumber);
        LisRecording = AddRecording("bb", LiNumber);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 2, 4, 0, 0, TimeSpan.Zero));

    public InMemoryAccess Access { get; } = new();

    public InMemoryCatalog Catalog { get; } = new();

    public AccessControl Control { get; }

    public RecordingAccess Recordings { get; }

    public RecordingEntry ZhangsRecording { get; }

    public RecordingEntry LisRecording { get; }

    public CustodyEntries Entries => new(Access, Time);

    public User AddUser(string name, string? department, OfficerId? officer, params Role[] roles)
    {
        var user = new User(UserName.Parse(name), name, department, roles.ToHashSet(), false, false, officer, true);
        Access.Users[user.Name] = user;
        return user;
    }

    /// <summary>Admin, zhang (一中队), li (二中队, head), wang (reviewer, 法制科), boss (senior).</summary>
    public AccessFixture WithStaff()
    {
        AddUser("admin", "办公室", null, Role.Administrator);
        AddUser("zhang", "一中队", ZhangNumber, Role.Officer);
        var li = AddUser("li", "二中队", LiNumber, Role.Officer);
        Access.Users[li.Name] = li with { IsDepartmentHead = true };
        AddUser("wang", "法制科", null, Role.Reviewer);
        var boss = AddUser("boss", "办公室", null, Role.Officer);
        Access.Users[boss.Name] = boss with { IsSenior = true };
        return this;
    }

    public RetrievalRequest Grant(string requester, RecordingEntry recording, RetrievalStatus status = RetrievalStatus.Approved)
    {
        var start = Time.GetUtcNow().AddHours(-1);
        var request = new RetrievalRequest(
            new RetrievalId(Access.Requests.Count + 1), UserName.Parse(requester), null, [recording.Id], "spot check",
            new RetrievalPeriod(start, start.AddDays(1)), null, new ApprovalTier(TierKind.OtherDepartment, "二中队"), status, start, null, null);
        Access.Requests[request.Id] = request;
        return request;
    }

    public int Denials => Access.Custody.Concat(Catalog.Custody).Count(e => e.Action == CustodyActions.AccessDenied);

    private RecordingEntry AddRecording(string prefix, OfficerId officer)
    {
        var digest = Sha256Digest.Parse(prefix + new string('0', 62));
        var entry = new RecordingEntry
        {
            Id = RecordingId.For(digest),
            Sha256 = digest,
            SizeBytes = 1,
            Kind = RecordingKind.Video,
            Format = "mp4",
            Officer = officer,
            SourcePath = prefix + ".mp4",
            IngestedAt = Time.GetUtcNow(),
            StationClock = Time.GetLocalNow(),
            Status = IngestStatus.Stored,
        };
        Catalog.Recordings[entry.Id] = entry;
        return entry;
    }
}
