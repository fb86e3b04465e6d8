using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvidenceVault.Storage.Vault;

public static class LocalVaultServiceCollectionExtensions
{
    /// <summary>Registers the filesystem vault as the application's <see cref="IVault"/>, <see cref="IVaultRetention"/>, <see cref="IVaultHealth"/>, <see cref="IVaultRedactions"/> and <see cref="ICheckpointStore"/>.</summary>
    public static IServiceCollection AddLocalVault(this IServiceCollection services, LocalVaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Root, nameof(options));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(provider => new LocalFileVault(options, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IVault>(provider => provider.GetRequiredService<LocalFileVault>());
        services.AddSingleton<IVaultRetention>(provider => provider.GetRequiredService<LocalFileVault>());
        services.AddSingleton<IVaultHealth>(provider => provider.GetRequiredService<LocalFileVault>());
        services.AddSingleton<IVaultRedactions>(provider => provider.GetRequiredService<LocalFileVault>());
        services.AddSingleton<ICheckpointStore>(provider => provider.GetRequiredService<LocalFileVault>());
        return services;
    }
}
