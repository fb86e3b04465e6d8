using System.Net;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Disclosure;
using EvidenceVault.Application.Vault;
using EvidenceVault.Hosting;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Public.Tests;

public sealed class PublicSiteCompositionTests
{
    [Fact]
    public void AddPublishedProjection_OnlyTheReadPortsAndTheClock()
    {
        var data = Directory.CreateTempSubdirectory("ev-public-di-").FullName;
        try
        {
            var services = new ServiceCollection().AddPublishedProjection(new EvidenceVaultSettings { DataDirectory = data, Actor = "public" });

            Assert.Equal([typeof(IPublishedDisclosures), typeof(Application.Inspections.IPublishedInspections), typeof(TimeProvider)], services.Select(s => s.ServiceType).Order(Comparer<Type>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name))));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void AddRequestIntake_OnlyTheSubmissionPortAndTheStatusLookup()
    {
        var data = Directory.CreateTempSubdirectory("ev-public-di-").FullName;
        try
        {
            var services = new ServiceCollection().AddRequestIntake(new EvidenceVaultSettings { DataDirectory = data, Actor = "public" });

            Assert.Equal([typeof(Application.Requests.RequestStatusLookup), typeof(Application.Requests.IRequestIntake)], services.Select(s => s.ServiceType));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData(typeof(Application.Requests.IInformationRequestStore))]
    [InlineData(typeof(IVault))]
    [InlineData(typeof(ICheckpointStore))]
    [InlineData(typeof(IUserStore))]
    [InlineData(typeof(ICustodyLog))]
    [InlineData(typeof(ICatalog))]
    [InlineData(typeof(Application.Cases.ICaseStore))]
    [InlineData(typeof(IPublicationStore))]
    [InlineData(typeof(IMediator))]
    public async Task Site_ServiceThatLeadsToEvidenceUsersOrLedger_NotResolvable(Type forbidden)
    {
        await using var host = new PublicSiteHost();
        await host.InitializeAsync();

        Assert.Null(host.SiteServices.GetService(forbidden));
    }

    [Fact]
    public async Task Flood_OneClientOverItsWindow_Gets429WithRetryAfter()
    {
        await using var host = new PublicSiteHost { RequestsPerWindow = 5 };
        await host.InitializeAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await host.Client.GetAsync("/feeds/decisions.json");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}
