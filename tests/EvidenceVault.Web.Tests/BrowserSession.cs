using EvidenceVault.Api.Tests;
using Microsoft.Playwright;

namespace EvidenceVault.Web.Tests;

/// <summary>
/// One test's browser contexts on an <see cref="ApiHost"/>: each page in its own context (its own cookies), script
/// errors collected, and a sign-in through the form the way a person does it.
/// </summary>
public sealed class BrowserSession(Chromium chromium, ApiHost host) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>Console errors and uncaught script errors of every page; the flows assert there are none.</summary>
    public List<string> Errors { get; } = [];

    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = host.Anonymous.BaseAddress!.ToString().TrimEnd('/');
        var context = await chromium.Browser.NewContextAsync(options);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => Errors.Add(error);
        return page;
    }

    /// <summary>Fills the sign-in form with <paramref name="password"/> (the user's right one unless given) and submits it.</summary>
    public static async Task SubmitSignInAsync(IPage page, string user, string? password = null)
    {
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", password ?? ApiHost.PasswordOf(user));
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>A new page signed in as <paramref name="user"/> (whose password <see cref="ApiHost.SignInAsync"/> has set).</summary>
    public async Task<IPage> SignedInPageAsync(string user, BrowserNewContextOptions? options = null)
    {
        var page = await NewPageAsync(options);
        await SubmitSignInAsync(page, user);
        await page.WaitForSelectorAsync("[data-test=signed-in-user]");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
