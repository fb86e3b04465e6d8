using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// Case-level authorization: every case-changing endpoint × case membership (the case's officer, their department
/// head, an officer of another squad, another squad's head, archivist, administrator, reviewer) × case state (open,
/// closed, reopened). Each cell is denied (403), frozen (409, the file is closed) or runs (passes both guards).
/// </summary>
public sealed class CaseAuthorizationTests : IAsyncLifetime
{
    private const string Open = "京执查〔2026〕21号", Closed = "京执查〔2026〕22号", Reopened = "京执查〔2026〕23号";
    private const string Stranger = "stranger", OtherHead = "head2";
    private readonly ApiHost _host = new();

    private enum Answer
    {
        Unauthenticated,
        Denied,
        Frozen,
        Runs,
    }

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        await _host.SendAsync(new AddUserCommand(new User(UserName.Parse(Stranger), "外队", "二中队", new HashSet<Role> { Role.Officer }, false, false, OfficerId.Parse("990001"), true)));
        await _host.SendAsync(new AddUserCommand(new User(UserName.Parse(OtherHead), "二中队长", "二中队", new HashSet<Role> { Role.Officer }, true, false, null, true)));
        foreach (var number in new[] { Open, Closed, Reopened })
        {
            await _host.SendAsync(new CreateCaseCommand(CaseNumber.Parse(number), EnforcementType.Inspection, "某某公司", null, [ApiHost.OfficerNumber]));
        }

        await _host.SendAsync(new CloseCaseCommand(CaseNumber.Parse(Closed)));
        await _host.SendAsync(new CloseCaseCommand(CaseNumber.Parse(Reopened)));
        await Expect(HttpStatusCode.Accepted, await As(ApiHost.Actor), "POST", $"/cases/{C(Reopened)}/reopen", new { reason = "补充送达回证" });
        await Expect(HttpStatusCode.OK, await As(ApiHost.Leader), "POST", $"/cases/{C(Reopened)}/reopen/approve", null);
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task CaseChanges_EveryMemberAndState_AnswerAsTheMatrixSays()
    {
        var actors = new[] { ApiHost.Actor, ApiHost.Leader, Stranger, OtherHead, ApiHost.UserFor(Role.Archivist), ApiHost.Administrator, ApiHost.UserFor(Role.Reviewer) };
        var mismatches = new List<string>();
        foreach (var (number, closed) in new[] { (Open, false), (Closed, true), (Reopened, false) })
        {
            foreach (var actor in actors)
            {
                var client = await As(actor);
                foreach (var row in Rows(number))
                {
                    using var response = await client.SendAsync(Request(row.Method, row.Path, row.Body));
                    var body = await response.Content.ReadAsStringAsync();
                    var answer = response.StatusCode switch
                    {
                        HttpStatusCode.Unauthorized => Answer.Unauthenticated,
                        HttpStatusCode.Forbidden => Answer.Denied,
                        _ => body.Contains("accepts no changes", StringComparison.Ordinal) ? Answer.Frozen : Answer.Runs,
                    };
                    var expected = Expected(row.Kind, actor, closed);
                    if (answer != expected)
                    {
                        mismatches.Add($"{row.Method} {row.Path} as {actor}: expected {expected}, got {(int)response.StatusCode} {body}");
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        Assert.Contains(await _host.CustodyAsync(Open), e => e.Action == "access.denied" && e.Actor.StartsWith(Stranger, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Close_OfficerOfAnotherSquad_DeniedAndLogged()
    {
        await Expect(HttpStatusCode.Forbidden, await As(Stranger), "POST", $"/cases/{C(Open)}/close", null);
        await Expect(HttpStatusCode.OK, await As(ApiHost.Actor), "POST", $"/cases/{C(Open)}/close", null);

        Assert.Contains(await _host.CustodyAsync(Open), e => e.Action == "access.denied" && e.Details.Contains("may not change", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reopen_RequesterApprovesOwnRequest_RefusedTwoPeopleNeeded()
    {
        var officer = await As(ApiHost.Actor);
        await Expect(HttpStatusCode.Accepted, officer, "POST", $"/cases/{C(Closed)}/reopen", new { reason = "补正文书" });

        var own = await Expect(HttpStatusCode.Forbidden, officer, "POST", $"/cases/{C(Closed)}/reopen/approve", null);
        await Expect(HttpStatusCode.Forbidden, await As(OtherHead), "POST", $"/cases/{C(Closed)}/reopen/approve", null);
        await Expect(HttpStatusCode.Conflict, officer, "POST", $"/cases/{C(Closed)}/links", new { recording = _host.RecordingId, stage = "investigation", reason = "补充" });
        await Expect(HttpStatusCode.OK, await As(ApiHost.Leader), "POST", $"/cases/{C(Closed)}/reopen/approve", null);
        await Expect(HttpStatusCode.OK, officer, "POST", $"/cases/{C(Closed)}/links", new { recording = _host.RecordingId, stage = "investigation", reason = "补充" });

        Assert.Contains("two people", own, StringComparison.Ordinal);
        var custody = await _host.CustodyAsync(Closed);
        Assert.Contains(custody, e => e.Action == "case.reopen-requested" && e.Details.Contains("\"requestedBy\":\"officer\"", StringComparison.Ordinal));
        Assert.Contains(custody, e => e.Action == "case.reopened" && e.Details.Contains("\"approvedBy\":\"leader\"", StringComparison.Ordinal));
        Assert.Empty(await _host.EditedRowsAsync());
    }

    [Fact]
    public async Task Detach_LosesPermanentTerm_NeedsAnArchivistAndIsFlaggedInThePlan()
    {
        const string penalty = "京执罚〔2026〕24号";
        await _host.SendAsync(new CreateCaseCommand(CaseNumber.Parse(penalty), EnforcementType.Penalty, "某某公司", null, [ApiHost.OfficerNumber]));
        var officer = await As(ApiHost.Actor);
        await Expect(HttpStatusCode.OK, officer, "POST", $"/cases/{C(penalty)}/links", new { recording = _host.RecordingId, stage = "investigation", reason = "现场执法" });

        var refused = await Expect(HttpStatusCode.Forbidden, officer, "POST", $"/cases/{C(penalty)}/links/{_host.RecordingId}/detach", new { reason = "误关联" });
        var planBefore = await _host.SendAsync(new ShowRetentionPlanQuery(false));
        await Expect(HttpStatusCode.OK, await As(ApiHost.UserFor(Role.Archivist)), "POST", $"/cases/{C(penalty)}/links/{_host.RecordingId}/detach", new { reason = "误关联，档案员核准" });
        var planAfter = await _host.SendAsync(new ShowRetentionPlanQuery(false));

        Assert.Contains("would shorten its retention from permanent", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(planBefore.Single(i => i.Retention.Recording.Id.Value == _host.RecordingId).Retention.Flags, f => f.Code == "term-shortened");
        Assert.Contains(planAfter.Single(i => i.Retention.Recording.Id.Value == _host.RecordingId).Retention.Flags, f => f.Code == "term-shortened");
        Assert.Contains(await _host.CustodyAsync(_host.RecordingId), e => e.Action == "retention.term-shortened" && e.Actor.StartsWith("archivist", StringComparison.Ordinal));
    }

    private static Answer Expected(string kind, string actor, bool closed)
    {
        var member = actor is ApiHost.Actor or ApiHost.Leader or "archivist" or ApiHost.Administrator;
        var allowed = kind switch
        {
            "review" => actor is "reviewer" or ApiHost.Administrator,
            "update" => member && actor != "archivist",
            _ => member,
        };
        if (!allowed)
        {
            return Answer.Denied;
        }

        return kind == "reopen" ? Answer.Runs : closed ? Answer.Frozen : Answer.Runs;
    }

    private IEnumerable<(string Kind, string Method, string Path, object? Body)> Rows(string number)
    {
        var c = C(number);
        var id = _host.RecordingId;
        yield return ("work", "POST", $"/cases/{c}/links", new { recording = id, stage = "investigation", reason = "matrix" });
        yield return ("work", "POST", $"/cases/{c}/links/{id}/detach", new { reason = "matrix" });
        yield return ("work", "POST", $"/cases/{c}/activities", new { stage = "investigation", activityType = "inspection", start = "2026-03-01T10:00:00+08:00", end = "2026-03-01T11:00:00+08:00" });
        yield return ("update", "PUT", $"/cases/{c}/activities/999", new { place = "仓库" });
        yield return ("work", "POST", $"/cases/{c}/decision", new { date = "2026-03-02", conclusion = "责令改正" });
        yield return ("review", "POST", $"/cases/{c}/legal-review", new { reviewer = "法制科", opinion = "同意", date = "2026-03-02" });
        yield return ("reopen", "POST", $"/cases/{c}/reopen", new { reason = "matrix" });
    }

    private async Task<HttpClient> As(string user) => _host.ClientWith(new AuthenticationHeaderValue("Bearer", await _host.SignInAsync(user)));

    private static async Task<string> Expect(HttpStatusCode status, HttpClient client, string method, string path, object? body)
    {
        using var response = await client.SendAsync(Request(method, path, body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text;
    }

    private static HttpRequestMessage Request(string method, string path, object? body) =>
        new(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };

    private static string C(string number) => Uri.EscapeDataString(number);
}
