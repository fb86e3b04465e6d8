using EvidenceVault.Application.Cases;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Storage.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>The 事前公开 versions, their publication clock among the deadlines, and the staff pages' import limit.</summary>
public static class PriorDisclosureRegistration
{
    public static IServiceCollection AddPriorDisclosure(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        services.AddOptions<PriorDisclosureOptions>().Configure(o => ServiceConfiguration.Bind(settings.Configuration, PriorDisclosureOptions.SectionName, o));
        services.AddSingleton<IPriorDisclosureStore, SqlPriorDisclosureStore>();
        services.AddSingleton<IDeadlineSource, PriorDisclosureDeadlines>();
        return services;
    }
}
