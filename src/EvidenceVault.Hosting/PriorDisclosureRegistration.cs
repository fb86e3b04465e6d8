using EvidenceVault.Application.Cases;
using EvidenceVault.Application.PriorDisclosure;
using EvidenceVault.Storage.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>The 事前公开 versions, and their publication clock among the deadlines.</summary>
public static class PriorDisclosureRegistration
{
    public static IServiceCollection AddPriorDisclosure(this IServiceCollection services)
    {
        services.AddSingleton<IPriorDisclosureStore, SqlPriorDisclosureStore>();
        services.AddSingleton<IDeadlineSource, PriorDisclosureDeadlines>();
        return services;
    }
}
