using EvidenceVault.Application.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Storage.Vault;

public static class LocalVaultServiceCollectionExtensions
{
    /// <summary>Registers the filesystem vault as the application's <see cref="IVault"/> and <see cref="IVaultRetention"/>.</summary>
    public static IServiceCollection AddLocalVault(this IServiceCollection services, LocalVaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Root, nameof(options));
        services.AddSingleton(options);
        services.AddSingleton(provider => new LocalFileVault(options, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IVault>(provider => provider.GetRequiredService<LocalFileVault>());
        services.AddSingleton<IVaultRetention>(provider => provider.GetRequiredService<LocalFileVault>());
        return services;
    }
}
