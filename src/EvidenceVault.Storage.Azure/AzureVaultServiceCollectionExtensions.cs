using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvidenceVault.Storage.Azure;

public static class AzureVaultServiceCollectionExtensions
{
    /// <summary>Registers the Azure Blob vault as the application's <see cref="IVault"/>, <see cref="IVaultRetention"/>, <see cref="IVaultHealth"/>, <see cref="IVaultRedactions"/> and <see cref="ICheckpointStore"/>.</summary>
    public static IServiceCollection AddAzureBlobVault(this IServiceCollection services, AzureVaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);

        // Resolved, not captured: a host may replace the options (tests shorten the breaker's timings).
        services.AddSingleton(provider => new AzureBlobVault(provider.GetRequiredService<AzureVaultOptions>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IVault>(provider => provider.GetRequiredService<AzureBlobVault>());
        services.AddSingleton<IVaultRetention>(provider => provider.GetRequiredService<AzureBlobVault>());
        services.AddSingleton<IVaultHealth>(provider => provider.GetRequiredService<AzureBlobVault>());
        services.AddSingleton<IVaultRedactions>(provider => provider.GetRequiredService<AzureBlobVault>());
        services.AddSingleton<ICheckpointStore>(provider => provider.GetRequiredService<AzureBlobVault>());
        return services;
    }
}
