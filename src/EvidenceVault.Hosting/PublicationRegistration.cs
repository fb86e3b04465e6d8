using EvidenceVault.Application.Disclosure;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Storage.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>The publication workflow in every host, and the far smaller composition of the public site.</summary>
public static class PublicationRegistration
{
    /// <summary>Drafts, approval and withdrawal, with the display periods from the <c>Publication</c> section.</summary>
    public static IServiceCollection AddPublication(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        services.AddSingleton<IPublicationStore, SqlPublicationStore>();
        services.AddOptions<PublicationOptions>().Configure(o => ServiceConfiguration.Bind(settings.Configuration, PublicationOptions.SectionName, o));
        return services;
    }

    /// <summary>
    /// Everything the public site gets: the clock and the read ports over the published projection (decisions, 双随机 results). No vault, user
    /// store, custody log or mediator is registered, so no path leads from the site to evidence or people.
    /// </summary>
    public static IServiceCollection AddPublishedProjection(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        var database = CatalogDatabase.Open(settings.CatalogLocation);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPublishedDisclosures>(new SqlPublishedDisclosures(database));
        services.AddSingleton<IPublishedInspections>(new SqlPublishedInspections(database));
        return services;
    }
}
