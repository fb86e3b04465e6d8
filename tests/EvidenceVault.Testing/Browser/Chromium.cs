using Microsoft.Playwright;

namespace EvidenceVault.Testing.Browser;

/// <summary>
/// Debian's chromium (tools/test.sh installs it), driven by Playwright through <c>ExecutablePath</c>: no browser is
/// ever downloaded. A missing browser fails the tests with how to install it, rather than skipping them.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("EVIDENCEVAULT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        Assert.True(File.Exists(executable), $"No chromium at {executable}: run tools/test.sh, or `apt-get install chromium`, or set EVIDENCEVAULT_CHROMIUM.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
