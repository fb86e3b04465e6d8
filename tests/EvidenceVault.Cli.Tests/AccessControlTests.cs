using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class AccessControlTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task UsersAdd_FirstUserNotAdministrator_RefusedAndAccessStaysOff()
    {
        var staff = new Staff(_ws, media);

        var first = await staff.As(null, "users", "add", "zhang", "--display-name", "张三", "--role", "officer");
        var registry = await staff.As(null, "officers", "add", "010203", "--name", "张三");

        Assert.Equal(2, first.ExitCode);
        Assert.Contains("first user must be an administrator", first.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, registry.ExitCode);
    }

    [Fact]
    public async Task Registry_OnceUsersExist_OnlyAdministratorsChangeIt()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();

        var officer = await staff.As("zhang", "officers", "add", "999999", "--name", "某人");
        var stranger = await staff.As("root@station", "devices", "add", "X000001");
        await staff.Expect(0, "admin", "officers", "add", "999999", "--name", "某人");
        var audit = await staff.Expect(0, "admin", "audit", "show", "--subject", "zhang", "--json");

        Assert.Equal(5, officer.ExitCode);
        Assert.Contains("needs the role administrator", officer.StandardError, StringComparison.Ordinal);
        Assert.Equal(5, stranger.ExitCode);
        Assert.Contains(audit.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("action").GetString() == "access.denied");
    }

    [Fact]
    public async Task RecordingsGet_OfficerReachesOwnRecordingWithoutGrantButNotAnothers()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();

        var own = await staff.GetAsync("zhang", staff.ZhangsRecording);
        var other = await staff.GetAsync("zhang", staff.LisRecording);
        var otherShow = await staff.As("zhang", "recordings", "show", staff.LisRecording);
        var reviewer = await staff.GetAsync("wang", staff.LisRecording);
        var audit = await staff.Expect(0, "admin", "audit", "show", "--subject", staff.LisRecording, "--json");

        Assert.Equal(0, own.ExitCode);
        Assert.Equal(5, other.ExitCode);
        Assert.Equal(5, otherShow.ExitCode);
        Assert.Equal(5, reviewer.ExitCode);
        Assert.Contains("grant", other.StandardError, StringComparison.Ordinal);
        Assert.Equal(3, audit.Json.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "access.denied"));
    }

    [Fact]
    public async Task RecordingsShow_ArchivistAndAdministratorSeeMetadata()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();
        await staff.Expect(0, "admin", "users", "add", "dang", "--display-name", "档案员", "--role", "archivist");

        await staff.Expect(0, "dang", "recordings", "show", staff.LisRecording);
        await staff.Expect(0, "admin", "recordings", "show", staff.LisRecording);
        var bytes = await staff.GetAsync("dang", staff.LisRecording);

        Assert.Equal(5, bytes.ExitCode);
    }

    [Fact]
    public async Task UsersDisable_ExStaffLosesOwnRecordingsAndGrantsAtOnce()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();
        var grant = await staff.RequestAsync("wang", "--recording", staff.LisRecording, "--from", Staff.Day(0), "--until", Staff.Day(1));
        await staff.Expect(0, "li", "retrieval", "approve", grant);
        await staff.Expect(0, "wang", "recordings", "show", staff.LisRecording, "--grant", grant);
        await staff.Sessions.TokenAsync("zhang");

        // Disabling ends their sessions: the signed-in CLI of each stops working at once.
        await staff.Expect(0, "admin", "users", "disable", "wang", "--reason", "left the agency");
        await staff.Expect(0, "admin", "users", "disable", "zhang");
        var withGrant = await staff.GetAsync("wang", staff.LisRecording, grant);
        var own = await staff.GetAsync("zhang", staff.ZhangsRecording);
        var users = await staff.Expect(0, "admin", "users", "list", "--json");

        Assert.Equal(5, withGrant.ExitCode);
        Assert.Contains("sign in again", withGrant.StandardError, StringComparison.Ordinal);
        Assert.Equal(5, own.ExitCode);
        Assert.Contains("sign in again", own.StandardError, StringComparison.Ordinal);
        Assert.Contains(users.Json.GetProperty("users").EnumerateArray(), u => u.GetProperty("name").GetString() == "wang" && !u.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task UsersDisable_LastAdministrator_Refused()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();

        var result = await staff.As("admin", "users", "disable", "admin");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no active administrator", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE users SET senior = 1 WHERE name = 'wang'", "users")]
    [InlineData("UPDATE users SET active = 1 WHERE name = 'zhao'", "users")]
    [InlineData("UPDATE retrieval_requests SET status = 'Approved' WHERE status = 'Pending'", "retrieval_requests")]
    [InlineData("UPDATE retrieval_requests SET valid_until = '2099-01-01T00:00:00.0000000+00:00'", "retrieval_requests")]
    public async Task AuditVerify_AccessRowEditedByHand_NamesTheRow(string edit, string table)
    {
        var staff = await new Staff(_ws, media).SetUpAsync();
        await staff.Expect(0, "admin", "users", "disable", "zhao");
        await staff.RequestAsync("wang", "--recording", staff.LisRecording, "--from", Staff.Day(0), "--until", Staff.Day(1));
        await staff.Expect(0, "admin", "audit", "verify");
        await _ws.EditCatalogAsync(edit);

        var result = await staff.As("admin", "audit", "verify", "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(table, Assert.Single(result.Json.GetProperty("editedRows").EnumerateArray()).GetProperty("table").GetString());
    }
}
