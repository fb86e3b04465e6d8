using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Inspections;
using EvidenceVault.Storage.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>双随机一公开: pools, tasks, and their results' publication clock among the deadlines.</summary>
public static class InspectionRegistration
{
    public static IServiceCollection AddInspections(this IServiceCollection services)
    {
        services.AddSingleton<IInspectionPoolStore, SqlInspectionPoolStore>();
        services.AddSingleton<IInspectionTaskStore, SqlInspectionTaskStore>();
        services.AddSingleton<InspectionReplay>();
        services.AddSingleton<IDeadlineSource, InspectionDeadlines>();
        return services;
    }
}
