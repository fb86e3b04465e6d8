using EvidenceVault.Application.Signing;
using EvidenceVault.Storage.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>The vault signing key, read (or created) from its file outside the catalog the first time something signs, and rotated there.</summary>
internal static class SigningRegistration
{
    public static IServiceCollection AddSigning(this IServiceCollection services, EvidenceVaultSettings settings) =>
        services.AddSingleton(_ => new SigningKeyFile(settings.SigningKeyPath, settings.SigningAlgorithm))
            .AddSingleton<IEvidenceSigner>(provider => provider.GetRequiredService<SigningKeyFile>())
            .AddSingleton<ISigningKeyRotation>(provider => provider.GetRequiredService<SigningKeyFile>());
}
