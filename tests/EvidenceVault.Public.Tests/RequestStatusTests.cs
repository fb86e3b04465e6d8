using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Requests;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Public.Tests;

public sealed partial class RequestStatusTests(PublicSiteHost host) : IClassFixture<PublicSiteHost>
{
    private const string FormPath = "/requests/new";
    private const string StatusPath = "/requests/status";

    [Fact]
    public async Task Post_ReferenceAndCodeFromTheAcknowledgement_ShowsStageAndDatesWithoutPersonalData()
    {
        var (reference, code) = await SubmitAsync(host.Client);

        using var response = await LookUpAsync(host.Client, reference, code.ToLowerInvariant());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("已受理", body, StringComparison.Ordinal);
        Assert.Contains("2025年3月4日", body, StringComparison.Ordinal);
        Assert.Contains("2025年4月1日", body, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", body, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", body, StringComparison.Ordinal);
        Assert.DoesNotContain("行政处罚决定书目录", body, StringComparison.Ordinal);
        Assert.DoesNotContain(code, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AfterEachInternalStep_ShowsTheNewStage()
    {
        var (reference, code) = await SubmitAsync(host.Client);
        var id = InformationRequestId.Parse(reference);
        var staff = host.Services("reviewer").GetRequiredService<IMediator>();

        await staff.Send(new NoticeRequestCompletionCommand(id, "请补充所需信息的文号"));
        Assert.Contains("需补正", await BodyAsync(reference, code), StringComparison.Ordinal);

        await staff.Send(new RecordRequestCompletionCommand(id, null));
        await staff.Send(new ExtendRequestReplyCommand(id, "王主任", "需要征求第三方意见"));
        var extended = await BodyAsync(reference, code);
        Assert.Contains("已延期", extended, StringComparison.Ordinal);
        var due = new ReplyRules(WorkingDayCalendar.LoadBuiltIn()).ReplyDue(new DateOnly(2025, 3, 4), extended: true).Due;
        Assert.Contains(due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), extended, StringComparison.Ordinal);

        await staff.Send(new AnswerInformationRequestCommand(id, ReplyOutcome.Disclosed, string.Empty));
        var answered = await BodyAsync(reference, code);
        Assert.Contains("已答复", answered, StringComparison.Ordinal);
        Assert.Contains("答复日期", answered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongCodeUnknownReferenceOrMalformedInput_SameStatusAndSameBody()
    {
        var (reference, code) = await SubmitAsync(host.Client);
        var wrong = code[..^1] + (code[^1] == 'A' ? 'B' : 'A');

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var (r, c) in new[] { (reference, wrong), ("YSQ-99999", code), ("YSQ-99999", wrong), ("not-a-reference", code), (reference, "0O1Il"), (reference, string.Empty) })
        {
            using var response = await LookUpAsync(host.Client, r, c);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.DoesNotContain(reference, answers[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Refused()
    {
        var (reference, code) = await SubmitAsync(host.Client);
        using var client = new HttpClient { BaseAddress = host.Client.BaseAddress };

        using var response = await client.PostAsync(StatusPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["Reference"] = reference, ["Code"] = code }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("已受理", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flood_GuessingCodesOverTheLookupLimit_Gets429EvenForTheRightCode()
    {
        await using var flooded = new PublicSiteHost { StatusLookupsPerWindow = 3 };
        await flooded.InitializeAsync();
        var (reference, code) = await SubmitAsync(flooded.Client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await LookUpAsync(flooded.Client, reference, RequestQueryCode.New().Value);
            statuses.Add(response.StatusCode);
        }

        using var right = await LookUpAsync(flooded.Client, reference, code);

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task Submit_QueryCode_NeitherInTheLedgerNorInTheLogs()
    {
        var (reference, code) = await SubmitAsync(host.Client);
        using (await LookUpAsync(host.Client, reference, code))
        {
        }

        var ledger = await host.Services("reviewer").GetRequiredService<ICustodyLog>().ReadAsync(null, CancellationToken.None);
        var hash = RequestQueryCode.TryParse(code, out var parsed) ? parsed.LookupHash(InformationRequestId.Parse(reference)) : throw new InvalidOperationException(code);

        Assert.Contains(ledger, e => e.Entry.Subject == reference);
        Assert.DoesNotContain(ledger, e => e.Entry.Details.Contains(code, StringComparison.OrdinalIgnoreCase) || e.Entry.Details.Contains(hash, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(host.Logs.Messages, m => m.Contains(code, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<string> BodyAsync(string reference, string code)
    {
        using var response = await LookUpAsync(host.Client, reference, code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<(string Reference, string Code)> SubmitAsync(HttpClient client)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "张三",
            ["Phone"] = "13812345678",
            ["Description"] = "2024年度本局作出的行政处罚决定书目录",
            ["Form"] = "电子",
            ["__RequestVerificationToken"] = await TokenAsync(client, FormPath),
        };
        using var response = await client.PostAsync(FormPath, new FormUrlEncodedContent(fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return (Reference().Match(body).Value, Code().Match(body).Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> LookUpAsync(HttpClient client, string reference, string code) =>
        await client.PostAsync(
            StatusPath,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Reference"] = reference, ["Code"] = code, ["__RequestVerificationToken"] = await TokenAsync(client, StatusPath) }));

    private static async Task<string> TokenAsync(HttpClient client, string path) =>
        TokenField().Match(await client.GetStringAsync(path)).Groups[1].Value;

    [GeneratedRegex(@"YSQ-\d+")]
    private static partial Regex Reference();

    [GeneratedRegex("<th>查询码</th><td><strong>([A-Z0-9]{8})</strong>")]
    private static partial Regex Code();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
