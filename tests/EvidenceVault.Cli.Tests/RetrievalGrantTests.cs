using System.Text.Json;
using EvidenceVault.Cli.Tests.Support;

namespace EvidenceVault.Cli.Tests;

[Collection(MediaCollection.Name)]
public sealed class RetrievalGrantTests(SampleMedia media) : IDisposable
{
    private readonly Workspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Grant_PastPeriodRefusedAtRequest_NotYetStartedRefusedAtUse_CurrentWorks_LedgerNamesTheGrant()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();
        var past = await staff.As("wang", "retrieval", "request", "--purpose", "抽查", "--recording", staff.LisRecording, "--from", Staff.Day(-3), "--until", Staff.Day(-1));
        var future = await staff.RequestAsync("wang", "--recording", staff.LisRecording, "--from", Staff.Day(2), "--until", Staff.Day(3));
        var current = await staff.RequestAsync("wang", "--recording", staff.LisRecording, "--from", Staff.Day(0), "--until", Staff.Day(1));
        await staff.Expect(0, "li", "retrieval", "approve", future);
        await staff.Expect(0, "li", "retrieval", "approve", current, "--reason", "抽查计划");

        var refused = await staff.GetAsync("wang", staff.LisRecording, future);
        await staff.Expect(0, "wang", "recordings", "get", staff.LisRecording, "-o", Path.Combine(_ws.Root, "b.wav"), "--grant", current);
        await staff.Expect(0, "wang", "recordings", "show", staff.LisRecording, "--grant", current);
        var active = await staff.Expect(0, "wang", "retrieval", "list", "--active", "--json");
        var audit = await staff.Expect(0, "admin", "audit", "show", "--subject", staff.LisRecording, "--json");

        Assert.Equal(2, past.ExitCode);
        Assert.Contains("before now", past.StandardError, StringComparison.Ordinal);
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("starts at", refused.StandardError, StringComparison.Ordinal);
        Assert.Equal([current], active.Json.GetProperty("retrievals").EnumerateArray().Select(r => r.GetString("id")));
        var entries = audit.Json.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetString("action") == "recording.retrieved" && e.GetProperty("details").GetString("grant") == current);
        Assert.Contains(entries, e => e.GetString("action") == "recording.viewed" && e.GetProperty("details").GetString("grant") == current);
        Assert.Contains(entries, e => e.GetString("action") == "access.denied" && e.GetProperty("details").GetString("grant") == future);
    }

    [Fact]
    public async Task Revoke_StopsAccessAtOnce()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();
        var grant = await staff.RequestAsync("wang", "--recording", staff.LisRecording, "--from", Staff.Day(0), "--until", Staff.Day(7));
        var covered = await staff.Expect(0, "li", "retrieval", "recordings", grant, "--json");
        var outsider = await staff.As("zhao", "retrieval", "recordings", grant);
        await staff.Expect(0, "li", "retrieval", "approve", grant);
        Assert.Equal(0, (await staff.GetAsync("wang", staff.LisRecording, grant)).ExitCode);
        var recording = Assert.Single(covered.Json.GetProperty("recordings").EnumerateArray());
        Assert.Equal(staff.LisRecording, recording.GetString("recordingId"));
        Assert.Equal("040506", recording.GetString("officerId"));
        Assert.Equal(5, outsider.ExitCode);

        await staff.Expect(0, "li", "retrieval", "revoke", grant, "--reason", "purpose fulfilled");
        var after = await staff.GetAsync("wang", staff.LisRecording, grant);
        var shown = await staff.Expect(0, "wang", "retrieval", "show", grant);

        Assert.Equal(5, after.ExitCode);
        Assert.Contains("revoked", after.StandardError, StringComparison.Ordinal);
        Assert.Equal("revoked", shown.Json.GetString("status"));
        Assert.Equal("li", shown.Json.GetProperty("revocation").GetString("by"));
    }

    [Fact]
    public async Task Approve_SamePersonOrWrongDepartmentHead_RefusedRightHeadApproves()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();
        var own = await staff.RequestAsync("zhao", "--recording", staff.ZhangsRecording, "--from", Staff.Day(0), "--until", Staff.Day(1));
        var other = await staff.RequestAsync("wang", "--recording", staff.ZhangsRecording, "--from", Staff.Day(0), "--until", Staff.Day(1));

        var self = await staff.As("zhao", "retrieval", "approve", own);
        var wrongHead = await staff.As("li", "retrieval", "approve", other);
        var pending = await staff.GetAsync("wang", staff.ZhangsRecording, other);
        await staff.Expect(0, "zhao", "retrieval", "approve", other);

        Assert.Equal(5, self.ExitCode);
        Assert.Contains("may not decide", self.StandardError, StringComparison.Ordinal);
        Assert.Equal(5, wrongHead.ExitCode);
        Assert.Contains("head of department '一中队'", wrongHead.StandardError, StringComparison.Ordinal);
        Assert.Equal(5, pending.ExitCode);
        Assert.Equal(0, (await staff.GetAsync("wang", staff.ZhangsRecording, other)).ExitCode);
    }

    [Fact]
    public async Task Request_OutsideAgency_NeedsSeniorApproval()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();
        var request = await staff.RequestAsync("wang", "--recording", staff.LisRecording, "--from", Staff.Day(0), "--until", Staff.Day(1), "--outside-agency", "某区人民检察院");

        var byHead = await staff.As("li", "retrieval", "approve", request);
        var bySenior = await staff.Expect(0, "admin", "retrieval", "approve", request, "--json");

        Assert.Equal(5, byHead.ExitCode);
        Assert.Contains("senior", byHead.StandardError, StringComparison.Ordinal);
        Assert.Equal("outsideagency", bySenior.Json.GetString("tier"));
        Assert.Equal("approved", bySenior.Json.GetString("status"));
    }

    [Fact]
    public async Task Request_ForCase_CoversTheLinkedRecordingsOnly()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();
        await staff.Expect(0, "admin", "cases", "create", "市监罚〔2025〕7号", "--type", "penalty", "--party", "某公司", "--officer", "040506");
        await staff.Expect(0, "li", "cases", "attach", "市监罚〔2025〕7号", staff.LisRecording, "--stage", "investigation", "--reason", "现场检查");
        var grant = await staff.RequestAsync("wang", "--case", "市监罚〔2025〕7号", "--from", Staff.Day(0), "--until", Staff.Day(1));
        await staff.Expect(0, "li", "retrieval", "approve", grant);

        var linked = await staff.GetAsync("wang", staff.LisRecording, grant);
        var notLinked = await staff.GetAsync("wang", staff.ZhangsRecording, grant);

        Assert.Equal(0, linked.ExitCode);
        Assert.Equal(5, notLinked.ExitCode);
        Assert.Contains("does not cover", notLinked.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_OwnRecordings_GrantedWithoutApproval()
    {
        var staff = await new Staff(_ws, media).SetUpAsync();

        var request = await staff.Expect(0, "zhang", "retrieval", "request", "--recording", staff.ZhangsRecording, "--purpose", "自查", "--from", Staff.Day(0), "--until", Staff.Day(0), "--json");

        Assert.Equal("own", request.Json.GetString("tier"));
        Assert.Equal("approved", request.Json.GetString("status"));
    }
}

internal static class JsonElementText
{
    public static string? GetString(this JsonElement element, string property) => element.GetProperty(property).GetString();
}
