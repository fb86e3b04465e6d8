using System.Net;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Api.Tests;

/// <summary>The case workspace in the web app over HTTP: its use cases, who may run them, markers and the export.</summary>
public sealed class WebCaseTests : WebAppTestBase
{
    [Fact]
    public async Task CaseWorkspace_ReviewDecideCloseAndReopen_FollowTheApisRules()
    {
        const string number = "京城管罚〔2026〕88号";
        var path = $"/case-files/{Uri.EscapeDataString(number)}";
        await Host.SendAsync(new Application.Cases.CreateCaseCommand(Domain.Cases.CaseNumber.Parse(number), Domain.Cases.EnforcementType.Penalty, "某某公司", null, [ApiHost.OfficerNumber]));
        foreach (var user in new[] { ApiHost.UserFor(Role.Reviewer), ApiHost.Leader })
        {
            await Host.SignInAsync(user);
        }

        var officer = await SignedInAsync(ApiHost.Actor);
        var outsider = await SignedInAsync(OtherOfficer);
        var reviewer = await SignedInAsync(ApiHost.UserFor(Role.Reviewer));
        var leader = await SignedInAsync(ApiHost.Leader);
        var decision = new Dictionary<string, string> { ["Form.Text"] = "罚款五万元", ["Form.Date"] = "2026-12-01", ["Form.Flag"] = "true" };

        using var unreviewed = await officer.PostFormAsync(path, await PageAsync(officer, path), "decide", decision);
        using var byOutsider = await outsider.PostFormAsync(path, await PageAsync(outsider, path), "decide", decision);
        var queueBefore = await PageAsync(reviewer, "/");
        using var reviewed = await reviewer.PostFormAsync(path, await PageAsync(reviewer, path), "review", new() { ["Form.Text"] = "事实清楚，证据确凿", ["Form.Date"] = "2026-11-30" });
        var queueAfter = await PageAsync(reviewer, "/");
        using var decided = await officer.PostFormAsync(path, await PageAsync(officer, path), "decide", decision);
        using var closed = await officer.PostFormAsync(path, await PageAsync(officer, path), "close", []);
        var closedPage = await closed.Content.ReadAsStringAsync();
        using var reopenAsked = await officer.PostFormAsync(path, closedPage, "reopen", new() { ["Form.Text"] = "补充送达回证" });
        using var selfApproved = await officer.PostFormAsync(path, await PageAsync(officer, path), "reopen-approve", []);
        using var approved = await leader.PostFormAsync(path, await PageAsync(leader, path), "reopen-approve", []);

        Assert.Equal(HttpStatusCode.Conflict, unreviewed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Assert.Contains(number, queueBefore, StringComparison.Ordinal);
        Assert.DoesNotContain(number, queueAfter, StringComparison.Ordinal);
        Assert.Contains("data-test=\"decision\"", await decided.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"decide\"", closedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reopenAsked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfApproved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains("value=\"decide\"", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var trail = await Host.CustodyAsync(number);
        Assert.Contains(trail, e => e.Action == CustodyActions.CaseReopened && e.Actor == ApiHost.Leader);
    }

    [Fact]
    public async Task Marker_AddedOnTheRecordingPage_IsOnTheRecordingTheCaseTimelineAndTheLedger()
    {
        const string number = "京城管检〔2026〕5号";
        await Host.SendAsync(new Application.Cases.CreateCaseCommand(Domain.Cases.CaseNumber.Parse(number), Domain.Cases.EnforcementType.Inspection, "某某公司", null, [ApiHost.OfficerNumber]));
        await Host.SendAsync(new Application.Cases.AttachRecordingCommand(Domain.Cases.CaseNumber.Parse(number), RecordingId.Parse(Host.RecordingId), Domain.Cases.ProcedureStage.Investigation, "现场照片"));
        var officer = await SignedInAsync(ApiHost.Actor);
        var outsider = await SignedInAsync(OtherOfficer);
        var path = $"/evidence/{Host.RecordingId}";

        using var added = await officer.PostFormAsync(path, await PageAsync(officer, path), "marker", new() { ["Marker.At"] = "0", ["Marker.Note"] = "当事人出示营业执照" });
        using var empty = await officer.PostFormAsync(path, await PageAsync(officer, path), "marker", new() { ["Marker.At"] = "0", ["Marker.Note"] = " " });
        var timeline = await PageAsync(officer, $"/case-files/{Uri.EscapeDataString(number)}");
        using var forged = await outsider.PostFormAsync(path, await PageAsync(officer, path), "marker", new() { ["Marker.At"] = "0", ["Marker.Note"] = "伪造的标记" });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("当事人出示营业执照", await added.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("当事人出示营业执照", timeline, StringComparison.Ordinal);
        Assert.Contains("data-test=\"case-markers\"", timeline, StringComparison.Ordinal);
        Assert.Contains(Host.RecordingId, await PageAsync(officer, $"/evidence?case={Uri.EscapeDataString(number)}"), StringComparison.Ordinal);
        Assert.DoesNotContain(Host.RecordingId, await PageAsync(officer, "/evidence?case=%E5%8F%A6%E4%B8%80%E6%A1%88"), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        var markers = (await Host.CustodyAsync()).Where(e => e.Action == CustodyActions.MarkerAdded).ToList();
        Assert.Equal(ApiHost.Actor, Assert.Single(markers).Actor);
    }

    [Fact]
    public async Task Export_ReviewerUnderAGrant_DownloadsTheSignedPackageAndWithoutOneIsRefused()
    {
        const string number = "京城管罚〔2026〕99号";
        await Host.SendAsync(new Application.Cases.CreateCaseCommand(Domain.Cases.CaseNumber.Parse(number), Domain.Cases.EnforcementType.Penalty, "某某公司", null, [ApiHost.OfficerNumber]));
        await Host.SendAsync(new Application.Cases.AttachRecordingCommand(Domain.Cases.CaseNumber.Parse(number), RecordingId.Parse(Host.RecordingId), Domain.Cases.ProcedureStage.Investigation, "现场照片"));
        var grant = await Host.GrantAsync(Role.Reviewer, number);
        var reviewer = await SignedInAsync(ApiHost.UserFor(Role.Reviewer));
        var path = $"/case-files/{Uri.EscapeDataString(number)}";
        var page = await PageAsync(reviewer, path);

        using var withoutGrant = await reviewer.PostFormAsync($"{path}/package", page, path + "/package", new() { ["proxies"] = "true" }, referer: path);
        using var underGrant = await reviewer.PostFormAsync($"{path}/package", page, path + "/package", new() { ["grant"] = grant, ["proxies"] = "true" });
        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant"] = grant });
        using var withoutToken = await reviewer.Http.PostAsync($"{path}/package", forged);
        var zip = await underGrant.Content.ReadAsByteArrayAsync();

        var list = await PageAsync(reviewer, "/evidence");
        using var opened = await reviewer.GetAsync($"/evidence/{Host.RecordingId}?grant={Uri.EscapeDataString(grant)}");

        Assert.Contains($"/evidence/{Host.RecordingId}?grant={Uri.EscapeDataString(grant)}", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutGrant.StatusCode);
        Assert.Equal("text/html", withoutGrant.Content.Headers.ContentType?.MediaType);
        var refusal = await withoutGrant.Content.ReadAsStringAsync();
        Assert.Contains("data-code=\"access-denied\"", refusal, StringComparison.Ordinal);
        Assert.Contains($"href=\"{path}\" data-test=\"back\"", refusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, underGrant.StatusCode);
        Assert.Equal("application/zip", underGrant.Content.Headers.ContentType?.MediaType);
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        Assert.Contains(archive.Entries, e => e.FullName.EndsWith("manifest-sha256.txt", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains(await Host.CustodyAsync(number), e => e.Action == CustodyActions.CaseExported && e.Actor == ApiHost.UserFor(Role.Reviewer));
    }

    [Fact]
    public async Task CaseWorkspace_ActivityEditedInThePage_MovesItsFindingAndIsOnTheLedger()
    {
        const string number = "京城管罚〔2026〕66号";
        var path = $"/case-files/{Uri.EscapeDataString(number)}";
        var start = Host.Time.GetUtcNow().AddDays(-1);
        await Host.SendAsync(new Application.Cases.CreateCaseCommand(Domain.Cases.CaseNumber.Parse(number), Domain.Cases.EnforcementType.Penalty, "某某公司", null, [ApiHost.OfficerNumber]));
        var seizure = await Host.SendAsync(new Application.Cases.AddActivityCommand(Domain.Cases.CaseNumber.Parse(number), Domain.Cases.ProcedureStage.Investigation, "seizure", [ApiHost.OfficerNumber], "某某路 1 号", start, start.AddHours(1)));
        var officer = await SignedInAsync(ApiHost.Actor);
        var outsider = await SignedInAsync(OtherOfficer);
        var before = await PageAsync(officer, path);
        var edit = new Dictionary<string, string>
        {
            ["Edit.Stage"] = "Investigation",
            ["Edit.Type"] = "询问",
            ["Edit.Officers"] = ApiHost.OfficerNumber.Value,
            ["Edit.Place"] = "某某路 2 号",
            ["Edit.Start"] = "2026-11-30T09:00",
            ["Edit.End"] = "2026-11-30T10:30",
        };

        using var byOutsider = await outsider.PostFormAsync(path, await PageAsync(outsider, path), $"edit-activity-{seizure.Id}", edit);
        using var edited = await officer.PostFormAsync(path, before, $"edit-activity-{seizure.Id}", edit);
        var after = await edited.Content.ReadAsStringAsync();

        Assert.Matches($"data-activity=\"{seizure.Id}\"[^§]*?data-rule=\"seizure-video\"", before);
        Assert.Equal(HttpStatusCode.Forbidden, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains("data-test=\"done\"", after, StringComparison.Ordinal);
        Assert.Contains("询问 · 2026-11-30 09:00", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-rule=\"seizure-video\"", after, StringComparison.Ordinal);
        var changed = Assert.Single(await Host.CustodyAsync(number), e => e.Action == CustodyActions.ActivityChanged);
        Assert.Equal(ApiHost.Actor, changed.Actor);
    }

    [Fact]
    public async Task Recording_AttachedToAnActivityOfTheOfficersCase_IsLinkedToThatActivityAndItsStage()
    {
        const string number = "京城管罚〔2026〕55号";
        var start = Host.Time.GetUtcNow().AddDays(-3);
        await Host.SendAsync(new Application.Cases.CreateCaseCommand(Domain.Cases.CaseNumber.Parse(number), Domain.Cases.EnforcementType.Penalty, "某某公司", null, [ApiHost.OfficerNumber]));
        var hearing = await Host.SendAsync(new Application.Cases.AddActivityCommand(Domain.Cases.CaseNumber.Parse(number), Domain.Cases.ProcedureStage.Review, "hearing", [ApiHost.OfficerNumber], null, start, start.AddHours(1)));
        var officer = await SignedInAsync(ApiHost.Actor);
        var path = $"/evidence/{Host.RecordingId}";
        var page = await PageAsync(officer, path);

        using var attached = await officer.PostFormAsync(path, page, "attach", new()
        {
            ["Attach.Activity"] = $"{hearing.Id}|{number}",
            ["Attach.Stage"] = "Start",
            ["Attach.Reason"] = "听证现场照片",
        });

        Assert.Contains($"value=\"{hearing.Id}|{number}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.Contains("data-test=\"attached\"", await attached.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var details = await Host.SendAsync(new Application.Cases.ShowCaseQuery(Domain.Cases.CaseNumber.Parse(number)));
        var link = Assert.Single(details.Links);
        Assert.Equal((hearing.Id, Domain.Cases.ProcedureStage.Review), (link.ActivityId, link.Stage));
    }
}
