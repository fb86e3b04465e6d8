using EvidenceVault.Application.Uploads;
using EvidenceVault.Storage.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>Resumable network uploads: the local upload store under <c>&lt;data&gt;/uploads</c> and its limits.</summary>
internal static class UploadRegistration
{
    public static IServiceCollection AddUploads(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        services.AddSingleton(settings.Uploads);
        services.AddSingleton<IUploadStore>(_ => new LocalUploadStore(settings.UploadsRoot));
        services.AddSingleton<UploadGate>();
        services.AddSingleton<ReceivedDigests>();
        services.AddSingleton<UploadAttribution>();
        services.AddSingleton<UploadCompletion>();
        return services;
    }
}
