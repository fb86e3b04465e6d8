using System.Buffers.Binary;
using EvidenceVault.Api.Tests;
using EvidenceVault.Application.Cases;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using Microsoft.Playwright;

namespace EvidenceVault.Web.Tests;

/// <summary>
/// The README's gallery: the main pages over realistic Chinese case data, at a fixed viewport, written to
/// docs/screenshots/*.png in the repository when EVIDENCEVAULT_SCREENSHOTS=1 (otherwise to a scratch folder, so an
/// ordinary run leaves the committed pictures alone). Each page must have rendered its heading and main landmark first.
/// </summary>
public sealed class ScreenshotTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private const int Width = 1280;
    private const int Height = 800;
    private const string Case = "京城管罚〔2026〕17号";
    private readonly ApiHost _host = new();
    private BrowserSession _browser = default!;
    private string _video = "";

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        _browser = new BrowserSession(chromium, _host);
        foreach (var user in new[] { ApiHost.Actor, "reviewer", ApiHost.Administrator })
        {
            await _host.SignInAsync(user);
        }

        _video = await TestVideo.IngestAsync(_host, ApiHost.OfficerNumber, seconds: 6, pattern: "smptebars");
        await _host.IngestPhotoAsync(ApiHost.OfficerNumber, 1);
        var number = CaseNumber.Parse(Case);
        await _host.SendAsync(new CreateCaseCommand(number, EnforcementType.Penalty, "北京某某餐饮有限公司", "占道经营、违规设置户外广告", [ApiHost.OfficerNumber]));
        var now = _host.Time.GetUtcNow();
        await _host.SendAsync(new AddActivityCommand(number, ProcedureStage.Investigation, "inspection", [ApiHost.OfficerNumber], "朝阳区建国路88号门前", now.AddHours(-2), now.AddHours(-1)));
        await _host.SendAsync(new AttachRecordingCommand(number, RecordingId.Parse(_video), ProcedureStage.Investigation, "现场检查全程记录"));
        await _host.GrantAsync(Role.Reviewer, Case);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task MainPages_Screenshotted_EachRenderedItsMainLandmarkAndIsAFullViewportPng()
    {
        var folder = Environment.GetEnvironmentVariable("EVIDENCEVAULT_SCREENSHOTS") == "1"
            ? Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "docs", "screenshots")).FullName
            : Directory.CreateTempSubdirectory("evidencevault-screenshots-").FullName;
        var users = new Dictionary<string, IPage>(StringComparer.Ordinal);
        foreach (var user in new[] { ApiHost.Actor, "reviewer", ApiHost.Administrator })
        {
            users[user] = await _browser.SignedInPageAsync(user, new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = Width, Height = Height },
                Locale = "zh-CN",
                TimezoneId = "Asia/Shanghai",
            });
        }

        // Each page as the role that works there: the officer's own recordings and case, the reviewer's grant.
        var pages = new (string Name, string User, string Path)[]
        {
            ("dashboard", ApiHost.Actor, "/"),
            ("recordings", ApiHost.Actor, "/evidence"),
            ("recording", ApiHost.Actor, $"/evidence/{_video}"),
            ("case", ApiHost.Actor, $"/case-files/{Uri.EscapeDataString(Case)}"),
            ("upload", ApiHost.Actor, "/upload"),
            ("grants", "reviewer", "/grants"),
            ("archive", ApiHost.Administrator, "/archive"),
            ("admin", ApiHost.Administrator, "/admin"),
        };

        foreach (var (name, user, path) in pages)
        {
            var page = users[user];
            await page.GotoAsync(path);
            await page.Locator("main#main h1").WaitForAsync();
            if (name == "recording")
            {
                await page.WaitForFunctionAsync("() => document.querySelector('video').readyState >= 1");
                await page.EvaluateAsync("() => { document.querySelector('video').currentTime = 2; }");
                await page.WaitForFunctionAsync("() => { const v = document.querySelector('video'); return !v.seeking && v.readyState >= 2; }");
            }

            var file = Path.Combine(folder, $"{name}.png");
            var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, Animations = ScreenshotAnimations.Disabled });

            Assert.Equal("main", await page.Locator("#main").EvaluateAsync<string>("m => m.tagName.toLowerCase()"));
            Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync("main#main h1")), $"{name}: no heading");
            Assert.Equal(0, await page.Locator("[data-test=problem]").CountAsync());
            Assert.Equal((Width, Height), Dimensions(png));
            Assert.Equal(png, await File.ReadAllBytesAsync(file));
        }

        Assert.Empty(_browser.Errors);
    }

    /// <summary>The width and height in a PNG's IHDR chunk.</summary>
    private static (int, int) Dimensions(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EvidenceVault.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No EvidenceVault.sln above {AppContext.BaseDirectory}.");
    }
}
