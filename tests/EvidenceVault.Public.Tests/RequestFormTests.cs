using System.Net;
using System.Text.RegularExpressions;
using EvidenceVault.Application.Requests;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Public.Tests;

public sealed partial class RequestFormTests(PublicSiteHost host) : IClassFixture<PublicSiteHost>
{
    private const string Path = "/requests/new";

    [Fact]
    public async Task Post_CompleteRequest_AcknowledgesReferenceReceiptAndDueDate()
    {
        using var response = await PostAsync(host.Client, await TokenAsync(host.Client), Valid());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"YSQ-\d+", body);
        Assert.Contains("2025年3月4日", body, StringComparison.Ordinal); // received: the station's day
        Assert.Contains("2025年4月1日", body, StringComparison.Ordinal); // 20 working days after 4 March
    }

    [Fact]
    public async Task Post_DueDateInAYearWithoutHolidayData_AcknowledgedWithProvisionalDueDate()
    {
        await using var december = new PublicSiteHost();
        await december.InitializeAsync();
        december.Time.SetUtcNow(new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero));

        using var response = await PostAsync(december.Client, await TokenAsync(december.Client), Valid());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"YSQ-\d+", body);
        Assert.Contains("2027年1月5日", body, StringComparison.Ordinal); // Monday-Friday counted in 2027
        Assert.Contains("暂定", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_DueDateWithinOfficialYears_NotMarkedProvisional()
    {
        using var response = await PostAsync(host.Client, await TokenAsync(host.Client), Valid());

        Assert.DoesNotContain("暂定", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_RefusedAndNothingStored()
    {
        var before = await CountAsync(host);

        using var client = new HttpClient { BaseAddress = host.Client.BaseAddress };
        using var response = await client.PostAsync(Path, new FormUrlEncodedContent(Valid()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("表单校验码", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(host));
    }

    [Fact]
    public async Task Post_OversizedField_RefusedWithSpecificMessageKeepingWhatWasTyped()
    {
        var before = await CountAsync(host);
        var fields = Valid();
        fields["Description"] = new string('查', 2001);

        using var response = await PostAsync(host.Client, await TokenAsync(host.Client), fields);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("所需信息的描述最多2000个字，现有2001个字。", body, StringComparison.Ordinal);
        Assert.Contains("value=\"张三\"", body, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(host));
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Refused413()
    {
        var fields = Valid();
        fields["Purpose"] = new string('x', 40 * 1024);

        using var response = await PostAsync(host.Client, await TokenAsync(host.Client), fields);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("申请内容超过", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MarkupInFields_ShownEscapedWhenTheFormComesBack()
    {
        var fields = Valid();
        fields["Name"] = "<script>alert(1)</script>";
        fields["Phone"] = string.Empty;
        fields["Address"] = string.Empty;

        using var response = await PostAsync(host.Client, await TokenAsync(host.Client), fields);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请至少填写一种联系方式", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/requests")]
    [InlineData("/requests/1")]
    [InlineData("/requests/YSQ-1")]
    [InlineData("/requests/new/1")]
    [InlineData("/requests.json")]
    public async Task Get_AnythingButTheForm_NotFound(string path)
    {
        using var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Flood_OneClientOverItsSubmissionLimit_Gets429AndNothingStoredBeyondIt()
    {
        await using var flooded = new PublicSiteHost { SubmissionsPerWindow = 3 };
        await flooded.InitializeAsync();
        var token = await TokenAsync(flooded.Client);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await PostAsync(flooded.Client, token, Valid());
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(3, await CountAsync(flooded));
    }

    private static Dictionary<string, string> Valid() => new()
    {
        ["Name"] = "张三",
        ["Phone"] = "13812345678",
        ["Address"] = "南京市鼓楼区中山路18号",
        ["Description"] = "2024年度本局作出的行政处罚决定书目录",
        ["Purpose"] = "学术研究",
        ["Form"] = "电子",
    };

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var form = await client.GetStringAsync(Path);
        return TokenField().Match(form).Groups[1].Value;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, Dictionary<string, string> fields) =>
        client.PostAsync(Path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));

    private static async Task<int> CountAsync(PublicSiteHost site) =>
        (await site.Services("reviewer").GetRequiredService<IMediator>().Send(new ListInformationRequestsQuery())).Count;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
