using System.Net;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// What the web app's HTTP tests share: a host with two officers and an administrator signed in once, and browsers
/// without JavaScript (<see cref="WebBrowser"/>) that sign in through the page.
/// </summary>
public abstract class WebAppTestBase : IAsyncLifetime
{
    protected const string OtherOfficer = "officer2";
    private readonly List<WebBrowser> _browsers = [];

    /// <param name="configure">Last changes to the host's services (see <see cref="ApiHost.Configure"/>).</param>
    protected WebAppTestBase(Action<IServiceCollection>? configure = null) => Host = new ApiHost { Configure = configure };

    protected ApiHost Host { get; }

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        await Host.AddUserAsync(OtherOfficer, OfficerId.Parse("040506"), Role.Officer);
        foreach (var user in new[] { ApiHost.Actor, OtherOfficer, ApiHost.Administrator })
        {
            await Host.SignInAsync(user);
        }
    }

    public async Task DisposeAsync()
    {
        _browsers.ForEach(b => b.Dispose());
        await Host.DisposeAsync();
    }

    /// <summary>Where a redirect goes, as a path of this host (and never another host).</summary>
    protected static string PathOf(WebBrowser browser, HttpResponseMessage response)
    {
        var target = new Uri(browser.Http.BaseAddress!, response.Headers.Location!);
        Assert.Equal(browser.Http.BaseAddress!.Authority, target.Authority);
        return target.PathAndQuery;
    }

    protected static async Task<string> PageAsync(WebBrowser browser, string path) =>
        await (await browser.GetAsync(path)).Content.ReadAsStringAsync();

    protected WebBrowser Browser()
    {
        var browser = new WebBrowser(Host.Anonymous.BaseAddress!);
        _browsers.Add(browser);
        return browser;
    }

    protected async Task<WebBrowser> SignedInAsync(string user)
    {
        var browser = Browser();
        using var response = await browser.SignInAsync(user, ApiHost.PasswordOf(user));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return browser;
    }
}
