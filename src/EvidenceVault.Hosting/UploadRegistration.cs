using EvidenceVault.Application.Uploads;
using EvidenceVault.Storage.Azure.Uploads;
using EvidenceVault.Storage.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>
/// Resumable network uploads and their limits: the local upload store under <c>&lt;data&gt;/uploads</c>, or with
/// <see cref="EvidenceVaultSettings.UploadStoreUri"/> <c>azure://&lt;container&gt;</c> a blob container any API node can continue from
/// (its retry and breaker timings in the <c>AzureUploads</c> section).
/// </summary>
internal static class UploadRegistration
{
    public static IServiceCollection AddUploads(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        services.AddSingleton(settings.Uploads);
        if (settings.UploadStoreUri is null or "local")
        {
            services.AddSingleton<IUploadStore>(_ => new LocalUploadStore(settings.UploadsRoot, settings.Uploads.CheckpointBytes));
        }
        else
        {
            if (!Uri.TryCreate(settings.UploadStoreUri, UriKind.Absolute, out var uri) || uri.Scheme != "azure" || uri.Host.Length == 0)
            {
                throw new ConfigurationException($"The upload store '{settings.UploadStoreUri}' is not understood: use 'local' or 'azure://<container>'.");
            }

            services.AddAzureUploadStore(ServiceConfiguration.Bind(settings.Configuration, "AzureUploads", new AzureUploadStoreOptions
            {
                ConnectionString = settings.AzureConnectionString
                    ?? throw new ConfigurationException($"The Azure upload store needs a connection string: set {VaultRegistration.AzureConnectionVariable}."),
                Container = uri.Host,
            }));
        }

        services.AddSingleton<UploadGate>();
        services.AddSingleton<ReceivedDigests>();
        services.AddSingleton<UploadAttribution>();
        services.AddSingleton<UploadCompletion>();
        return services;
    }
}
