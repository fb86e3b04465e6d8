using EvidenceVault.Application.Uploads;
using EvidenceVault.Storage.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>Resumable network uploads: the local upload store under <c>&lt;data&gt;/uploads</c> and its limits.</summary>
public static class UploadRegistration
{
    public static IServiceCollection AddUploads(this IServiceCollection services, EvidenceVaultSettings settings, UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(limits);
        services.AddSingleton<IUploadStore>(new LocalUploadStore(Path.Combine(settings.DataDirectory, "uploads")));
        services.AddSingleton<UploadGate>();
        services.AddSingleton<UploadCompletion>();
        return services;
    }
}
