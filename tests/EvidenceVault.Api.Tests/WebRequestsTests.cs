using System.Net;
using System.Text;
using EvidenceVault.Application;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

/// <summary>The internal information request page: who may open it, what it shows, and a step recorded through it.</summary>
public sealed class WebRequestsTests() : WebAppTestBase(services => services.AddSingleton(NextYearCovered()))
{
    private const string Markup = "<script>alert(1)</script>";

    [Fact]
    public async Task RequestPage_MarkupTypedByTheApplicant_ShownEscaped()
    {
        var reference = await SubmitAsync(Markup);
        var admin = await SignedInAsync(ApiHost.Administrator);

        var page = await PageAsync(admin, $"/requests/{reference}");

        Assert.DoesNotContain(Markup, page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestPage_Officer_RefusedWithoutTheApplicantsData()
    {
        await SubmitAsync("张三");
        var officer = await SignedInAsync(ApiHost.Actor);

        using var response = await officer.GetAsync("/requests");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("张三", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestPage_AdministratorExtends_DueDateMovesAndTheLedgerHasReasonAndApprover()
    {
        var reference = await SubmitAsync("张三");
        var admin = await SignedInAsync(ApiHost.Administrator);
        var page = await PageAsync(admin, $"/requests/{reference}");

        using var response = await admin.PostFormAsync($"/requests/{reference}", page, "extend", new() { ["Step.Approver"] = "王主任", ["Step.Text"] = "需要征求第三方意见" });
        var after = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("extended once", after, StringComparison.Ordinal);
        var extended = CustodyEntries.Read<InformationRequestExtendedDetails>((await Host.CustodyAsync(reference)).Single(e => e.Action == CustodyActions.InformationRequestExtended))!;
        Assert.Equal(("王主任", "需要征求第三方意见"), (extended.Approver, extended.Reason));
    }

    [Fact]
    public async Task RequestsPage_AdministratorEntersALetter_QueryCodeShownOnceAndOnlyItsHashStored()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        var page = await PageAsync(admin, "/requests");

        using var response = await admin.PostFormAsync("/requests", page, "enter", new()
        {
            ["Entry.Channel"] = "Letter",
            ["Entry.Name"] = "李四",
            ["Entry.Phone"] = "13812345678",
            ["Entry.Description"] = "2024年度行政许可决定目录",
            ["Entry.Form"] = "纸质",
        });
        var after = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entered = System.Text.RegularExpressions.Regex.Match(after, @"申请 (YSQ-\d+) 已登记.*?data-test=""query-code"">([A-Z0-9]{8})<", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(entered.Success, after);
        var (reference, code) = (entered.Groups[1].Value, entered.Groups[2].Value);
        var received = (await Host.CustodyAsync(reference)).Single(e => e.Action == CustodyActions.InformationRequestReceived);
        Assert.Equal("letter", CustodyEntries.Read<InformationRequestReceivedDetails>(received)!.Channel);
        Assert.DoesNotContain(await Host.CustodyAsync(reference), e => e.Details.Contains(code, StringComparison.OrdinalIgnoreCase));
        var lookup = new RequestStatusLookup(new EvidenceVault.Storage.Catalog.SqlRequestStatusRows(Host.Services.GetRequiredService<EvidenceVault.Storage.Catalog.CatalogDatabase>()));
        Assert.Equal(RequestStage.Received, (await lookup.LookUpAsync(reference, code, CancellationToken.None))?.Stage);
        Assert.DoesNotContain(code, await PageAsync(admin, "/requests"), StringComparison.Ordinal);
    }

    // The host runs on today's clock: a reply due next year needs that year's calendar.
    private static ReplyRules NextYearCovered()
    {
        var next = TimeProvider.System.GetUtcNow().Year + 1;
        var json = "{\"years\":{\"" + next.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\":{\"holidays\":[],\"workdays\":[]}}}";
        return new ReplyRules(WorkingDayCalendar.LoadBuiltIn().With(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }

    private async Task<string> SubmitAsync(string name)
    {
        var s = Host.Services;
        var intake = new RequestIntake(s.GetRequiredService<RequestReceipt>(), s.GetRequiredService<StationTimeZone>(), s.GetRequiredService<CustodyEntries>());
        var acknowledgement = await intake.SubmitAsync(new RequestSubmission(name, null, null, "13812345678", null, null, $"所需信息 {Markup}", null, "纸质"), CancellationToken.None);
        return acknowledgement.Reference.ToString();
    }
}
