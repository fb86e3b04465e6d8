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
        services.AddSingleton<IUploadStore>(provider => new AzureUploadStore(options, provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
