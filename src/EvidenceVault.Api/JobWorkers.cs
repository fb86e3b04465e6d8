using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Jobs;
using EvidenceVault.Hosting;

namespace EvidenceVault.Api;

/// <summary>What <c>serve</c> runs: the HTTP API, the job workers, or both in one process.</summary>
public enum ServeRole
{
    All,
    Api,
    Worker,
}

/// <summary>The job workers as hosted services, each with its own lease owner and custody actor.</summary>
public static class JobWorkers
{
    /// <summary>A worker-only process: the same composition, no HTTP listener.</summary>
    public static IHost BuildHost(EvidenceVaultSettings settings, int workers)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddEvidenceVault(settings);
        builder.Services.AddJobWorkers(workers);
        return builder.Build();
    }

    /// <summary>Adds <paramref name="count"/> workers; call it after the host's actor context is final.</summary>
    public static IServiceCollection AddJobWorkers(this IServiceCollection services, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var host = services.Last(d => d.ServiceType == typeof(IActorContext));
        services.Remove(host);
        services.AddSingleton<IActorContext>(sp => new WorkerActorContext(
            (IActorContext?)host.ImplementationInstance
            ?? (IActorContext?)host.ImplementationFactory?.Invoke(sp)
            ?? (IActorContext)ActivatorUtilities.CreateInstance(sp, host.ImplementationType!)));
        for (var i = 1; i <= count; i++)
        {
            var name = $"w{i}";

            // Not AddHostedService: it adds one instance per type, and here every worker is its own instance.
            services.AddSingleton<IHostedService>(sp => new JobWorkerService(sp.GetRequiredService<WorkerLoop>(), WorkerIdentity.ForThisProcess(name)));
        }

        return services;
    }

    /// <summary>One worker; stopping the host cancels its loop, which gives back the lease of a job it is running.</summary>
    private sealed class JobWorkerService(WorkerLoop loop, WorkerIdentity worker) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => loop.RunAsync(worker, stoppingToken);
    }
}
