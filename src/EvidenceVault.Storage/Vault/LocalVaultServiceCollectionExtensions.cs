using EvidenceVault.Application.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Storage.Vault;

public static class LocalVaultServiceCollectionExtensions
{
    /// <summary>Registers the filesystem vault as the application's <see cref="IVault"/>.</summary>
    public static IServiceCollection AddLocalVault(this IServiceCollection services, LocalVaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Root, nameof(options));
        services.AddSingleton(options);
        services.AddSingleton<IVault>(_ => new LocalFileVault(options));
        return services;
    }
}
