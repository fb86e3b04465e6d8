using EvidenceVault.Hosting;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EvidenceVault.Public.Tests;

/// <summary>
/// A data folder seeded through the real use cases, and the public site on a free loopback port over it, as
/// <c>evidencevault public</c> composes it. One lifecycle and teardown for every host the site tests need.
/// </summary>
public abstract class SiteHost(string folderPrefix) : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory(folderPrefix).FullName;
    private readonly List<ServiceProvider> _providers = [];
    private WebApplication? _site;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 4, 2, 0, 0, TimeSpan.Zero));

    public HttpClient Client { get; } = new();

    public IServiceProvider SiteServices => _site!.Services;

    public async Task InitializeAsync()
    {
        await SeedAsync();
        _site = PublicSite.Build(
            ["http://127.0.0.1:0"],
            services => AddSiteServices(services.AddPublishedProjection(Settings("public"))).AddSingleton<TimeProvider>(Time),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"),
            ConfigureSite);
        await _site.StartAsync();
        Client.BaseAddress = new Uri(_site.Urls.First());
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        Client.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>Staff-side services over the host's data folder, acting as <paramref name="actor"/>; disposed with the host.</summary>
    public IServiceProvider Services(string actor)
    {
        var provider = new ServiceCollection().AddEvidenceVault(Settings(actor)).AddSingleton<TimeProvider>(Time).BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    /// <summary>Puts the data on the staff side before the site starts.</summary>
    protected abstract Task SeedAsync();

    /// <summary>What the site needs beyond the published projection.</summary>
    protected virtual IServiceCollection AddSiteServices(IServiceCollection services) => services;

    protected virtual void ConfigureSite(PublicSiteOptions options)
    {
    }

    protected IMediator Mediator(string actor) => Services(actor).GetRequiredService<IMediator>();

    protected EvidenceVaultSettings Settings(string actor) => new() { DataDirectory = _data, Actor = actor };
}
