using System.Net;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.PriorDisclosure;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

/// <summary>The 事前公开 page: administrators edit items into versions and publish; no one else opens it.</summary>
public sealed class WebPriorDisclosureTests : WebAppTestBase
{
    private static readonly Dictionary<string, string> Agency = new()
    {
        ["pd.name"] = "宁波市鼓楼区市场监督管理局",
        ["pd.duties"] = "市场监管领域行政执法",
        ["pd.jurisdiction"] = "鼓楼区",
        ["pd.address"] = "中山路1号",
        ["pd.officeHours"] = "工作日",
    };

    [Fact]
    public async Task Page_AdministratorEditsAddsAndPublishes_VersionsWithChangesAndThePublicCopyIsTheNewest()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);

        var first = await PostAsync(admin, "agency", Agency);
        var second = await PostAsync(admin, "officers-new", new() { ["pd.name"] = "张建国", ["pd.certificate"] = "33020012345", ["pd.category"] = "市场监管", ["pd.area"] = "鼓楼区", ["pd.status"] = "active" });
        var beforePublish = (await VersionsAsync())[0].PublishedAt;
        var published = await PostAsync(admin, "publish", []);

        Assert.Contains("已保存为第 1 版", first, StringComparison.Ordinal);
        Assert.Contains("已保存为第 2 版", second, StringComparison.Ordinal);
        Assert.Contains("执法人员: 新增 张建国 (33020012345)", second, StringComparison.Ordinal);
        Assert.Contains("data-test=\"due\"", second, StringComparison.Ordinal);
        Assert.Null(beforePublish);
        Assert.Contains("第 2 版已发布到公开网站", published, StringComparison.Ordinal);
        Assert.Contains("data-test=\"nothing-due\"", published, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"publish\"", published, StringComparison.Ordinal);
        var versions = await VersionsAsync();
        Assert.All(versions, v => Assert.Equal(ApiHost.Administrator, v.Publisher));
        Assert.Equal("张建国", Assert.Single(versions[0].Data.Officers).Name);
        Assert.Equal(
            [CustodyActions.PriorDisclosureChanged, CustodyActions.PriorDisclosurePublished],
            (await Host.CustodyAsync(PriorDisclosureVersions.Subject(2))).Select(e => e.Action).Where(a => a.StartsWith("prior-disclosure.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Page_RemoveAnItem_NewVersionWithoutIt()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        await PostAsync(admin, "agency", Agency);
        await PostAsync(admin, "channels-new", new() { ["pd.kind"] = "phone", ["pd.label"] = "投诉举报电话", ["pd.value"] = "12315" });

        var removed = await PostAsync(admin, "channels-0", new() { ["pd.kind"] = "phone", ["pd.label"] = "投诉举报电话", ["pd.value"] = "12315", ["pd.remove"] = "1" });

        Assert.Contains("监督渠道: 删除 投诉举报电话", removed, StringComparison.Ordinal);
        var versions = await VersionsAsync();
        Assert.Empty(versions[0].Data.Channels);
        Assert.Equal(3, versions[0].Number);
    }

    [Fact]
    public async Task Page_BadCertificateNumber_RefusedNamingTheFieldAndNothingStored()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        await PostAsync(admin, "agency", Agency);
        var page = await PageAsync(admin, "/prior-disclosure");

        using var response = await admin.PostFormAsync("/prior-disclosure", page, "officers-new", new() { ["pd.name"] = "李四", ["pd.certificate"] = "99020012345", ["pd.category"] = "市场监管", ["pd.area"] = "鼓楼区", ["pd.status"] = "active" });
        var after = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("prior-disclosure-import", after, StringComparison.Ordinal);
        Assert.Contains("field &#x27;certificate&#x27;", after, StringComparison.Ordinal);
        Assert.Single(await VersionsAsync());
    }

    [Fact]
    public async Task Page_StaleForm_RefusedAsAConflict()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        var stale = await PageAsync(admin, "/prior-disclosure");
        await PostAsync(admin, "agency", Agency);

        using var response = await admin.PostFormAsync("/prior-disclosure", stale, "agency", new(Agency) { ["pd.name"] = "另一个局" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Single(await VersionsAsync());
    }

    [Fact]
    public async Task Page_Officer_ForbiddenWithoutTheFormsAndTheLink()
    {
        var admin = await SignedInAsync(ApiHost.Administrator);
        await PostAsync(admin, "agency", Agency);
        var officer = await SignedInAsync(ApiHost.Actor);

        using var response = await officer.GetAsync("/prior-disclosure");
        var page = await response.Content.ReadAsStringAsync();
        var home = await PageAsync(officer, "/");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("宁波市鼓楼区市场监督管理局", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" class=\"stack\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/prior-disclosure\"", home, StringComparison.Ordinal);
    }

    private Task<IReadOnlyList<PriorDisclosureVersion>> VersionsAsync() => Host.Services.GetRequiredService<IPriorDisclosureStore>().VersionsAsync(CancellationToken.None);

    private static async Task<string> PostAsync(WebBrowser browser, string form, Dictionary<string, string> fields)
    {
        var page = await PageAsync(browser, "/prior-disclosure");
        using var response = await browser.PostFormAsync("/prior-disclosure", page, form, fields);
        var after = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{form}: {(int)response.StatusCode} {after}");
        return after;
    }
}
