using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

/// <summary>Once users exist, retention is for archivists and exports need an active grant, like every other way out.</summary>
[Collection(MediaCollection.Name)]
public sealed class ArchiveAccessTests(SampleMedia media) : IDisposable
{
    private const string Case = "二中队罚〔2025〕5号";
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Export_ReviewerWithoutGrantRefused_WithApprovedCaseGrantWorks_RevokedRefused()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();
        await staff.Expect(0, "admin", "cases", "create", Case, "--type", "penalty", "--party", "某某公司");
        await staff.Expect(0, "admin", "cases", "attach", Case, staff.LisRecording, "--reason", "inspection footage");
        var grant = await staff.RequestAsync("wang", "--case", Case, "--from", Staff.Day(0), "--until", Staff.Day(2));

        var beforeApproval = await staff.As("wang", "export", Case, "-o", Path.Combine(_ws.Root, "p0"), "--grant", grant);
        await staff.Expect(0, "li", "retrieval", "approve", grant, "--reason", "复议审查");
        var withoutGrant = await staff.As("wang", "export", Case, "-o", Path.Combine(_ws.Root, "p1"));
        var underGrant = await staff.As("wang", "export", Case, "-o", Path.Combine(_ws.Root, "p2"), "--grant", grant, "--json");
        await staff.Expect(0, "li", "retrieval", "revoke", grant, "--reason", "审查结束");
        var afterRevoke = await staff.As("wang", "export", Case, "-o", Path.Combine(_ws.Root, "p3"), "--grant", grant);

        Assert.Equal(5, beforeApproval.ExitCode);
        Assert.Equal(5, withoutGrant.ExitCode);
        Assert.Equal(0, underGrant.ExitCode);
        Assert.True(File.Exists(Path.Combine(_ws.Root, "p2", "manifest-sha256.txt")));
        Assert.Equal(5, afterRevoke.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_ws.Root, "p3")));
    }

    [Fact]
    public async Task Retention_OnlyArchivistsProposeHoldAndApprove_TwoDifferentArchivists()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();
        await staff.Expect(0, "admin", "users", "add", "chen", "--display-name", "陈档案", "--role", "archivist", "--department", "档案室");
        await staff.Expect(0, "admin", "users", "add", "sun", "--display-name", "孙档案", "--role", "archivist", "--department", "档案室");

        var officerProposes = await staff.As("zhang", "retention", "propose");
        var reviewerHolds = await staff.As("wang", "holds", "place", "--recording", staff.ZhangsRecording, "--reason", "x", "--authority", "y");
        var proposed = await staff.Expect(0, "chen", "retention", "propose", "--json");
        var id = proposed.Json.GetProperty("proposed")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var officerApproves = await staff.As("zhang", "retention", "approve", id, "--reason", "mine anyway");
        await staff.Expect(0, "chen", "retention", "approve", id, "--reason", "floor passed");
        var again = await staff.As("chen", "retention", "approve", id, "--reason", "again");
        var second = await staff.Expect(0, "sun", "retention", "approve", id, "--reason", "agreed", "--json");

        Assert.Equal(5, officerProposes.ExitCode);
        Assert.Equal(5, reviewerHolds.ExitCode);
        Assert.Equal(2, proposed.Json.GetProperty("proposed").GetArrayLength());
        Assert.Equal(5, officerApproves.ExitCode);
        Assert.Equal(6, again.ExitCode);
        Assert.Equal("approved", second.Json.GetProperty("status").GetString());
    }
}
