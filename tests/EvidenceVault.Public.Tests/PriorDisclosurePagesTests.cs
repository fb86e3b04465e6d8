using System.Net;

namespace EvidenceVault.Public.Tests;

/// <summary>事前公开 pages: the published copy only, every field encoded, cacheable like every page of the site.</summary>
public sealed class PriorDisclosurePagesTests(PublicSiteHost host) : IClassFixture<PublicSiteHost>
{
    [Theory]
    [InlineData("/agency", "执法主体", "鼓楼区行政区域")]
    [InlineData("/officers", "执法人员", "33020012345")]
    [InlineData("/matters", "行政执法事项清单", "《产品质量法》第四十九条")]
    [InlineData("/random-inspections", "随机抽查事项清单", "食品经营者监督检查")]
    [InlineData("/guides", "服务指南", "行政许可办理指南")]
    [InlineData("/channels", "投诉举报与查询渠道", "12315")]
    public async Task Get_EveryPage_ChinesePublishedContentCacheable(string path, string title, string content)
    {
        using var response = await host.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<title>{title} - ", body, StringComparison.Ordinal);
        Assert.Contains(content, body, StringComparison.Ordinal);
        Assert.Contains("第 1 版", body, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Get_Officers_UnpublishedEditNeverShows()
    {
        var body = await host.Client.GetStringAsync("/officers");

        Assert.Contains("张建国", body, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicSiteHost.DraftOnlyOfficer, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Agency_MarkupInAFieldIsEscaped()
    {
        var body = await host.Client.GetStringAsync("/agency");

        Assert.DoesNotContain(PublicSiteHost.Markup, body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Guides_FlowChartIsAnOrderedListOfItsSteps()
    {
        var body = await host.Client.GetStringAsync("/guides");

        Assert.Contains("<ol class=\"flow\" aria-label=\"行政许可办理指南办理流程\"><li>申请</li><li>受理</li><li>审查</li><li>决定</li></ol>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HomePage_NavigationLinksEveryPriorDisclosurePage()
    {
        var body = await host.Client.GetStringAsync("/");

        Assert.All(["/agency", "/officers", "/matters", "/random-inspections", "/guides", "/channels"], p => Assert.Contains($"href=\"{p}\"", body, StringComparison.Ordinal));
    }
}
