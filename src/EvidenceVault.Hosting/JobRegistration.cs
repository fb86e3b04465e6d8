using EvidenceVault.Application.Diagnostics;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Storage.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>The job queue, its handlers and runner, and the metrics every host records.</summary>
internal static class JobRegistration
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<IJobQueue, SqlJobQueue>();
        services.AddSingleton<IJobHandler, MediaJobHandler>();
        services.AddSingleton<IJobHandler, LinkJobHandler>();
        services.AddSingleton<IJobHandler, RetentionJobHandler>();
        services.AddSingleton<IJobHandler, FixityJobHandler>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<WorkerLoop>();
        services.AddSingleton<EvidenceVaultMetrics>();
        return services;
    }
}
