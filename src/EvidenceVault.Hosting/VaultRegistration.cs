using EvidenceVault.Storage.Azure;
using EvidenceVault.Storage.Vault;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>Chooses the vault backend from the settings' vault URI.</summary>
internal static class VaultRegistration
{
    public const string AzureConnectionVariable = "EVIDENCEVAULT_AZURE_CONNECTION";

    public static IServiceCollection AddVault(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        if (settings.VaultUri is null or "local")
        {
            return services.AddLocalVault(new LocalVaultOptions(settings.LocalVaultRoot));
        }

        if (!Uri.TryCreate(settings.VaultUri, UriKind.Absolute, out var uri) || uri.Scheme != "azure" || uri.Host.Length == 0)
        {
            throw new ConfigurationException($"The vault '{settings.VaultUri}' is not understood: use 'local' or 'azure://<container>'.");
        }

        var connection = settings.AzureConnectionString
            ?? throw new ConfigurationException($"The Azure vault needs a connection string: set {AzureConnectionVariable}.");
        return services.AddAzureBlobVault(ServiceConfiguration.Bind(settings.Configuration, "Azure", new AzureVaultOptions
        {
            ConnectionString = connection,
            Container = uri.Host,
            CheckoutDirectory = settings.StagingRoot,
        }));
    }
}
