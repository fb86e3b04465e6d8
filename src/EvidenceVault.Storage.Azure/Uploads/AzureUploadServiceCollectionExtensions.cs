using EvidenceVault.Application.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvidenceVault.Storage.Azure.Uploads;

public static class AzureUploadServiceCollectionExtensions
{
    /// <summary>Registers the blob-backed <see cref="IUploadStore"/>, which every API node sharing the container can continue.</summary>
    public static IServiceCollection AddAzureUploadStore(this IServiceCollection services, AzureUploadStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);

        // Resolved, not captured: a host may replace the options (tests shorten the breaker's timings).
        services.AddSingleton<IUploadStore>(provider => new AzureUploadStore(provider.GetRequiredService<AzureUploadStoreOptions>(), provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
