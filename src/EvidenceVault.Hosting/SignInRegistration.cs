using EvidenceVault.Application.Authentication;
using EvidenceVault.Domain.Access;
using EvidenceVault.Storage.Catalog;
using EvidenceVault.Storage.Credentials;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>Passwords, sessions and station keys: the stores, the KDF and the sign-in policy with its notice.</summary>
internal static class SignInRegistration
{
    public static IServiceCollection AddSignIn(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        services.AddSingleton<ICredentialStore, SqlCredentialStore>();
        services.AddSingleton<IStationKeyStore, SqlStationKeyStore>();
        services.AddSingleton<IPasswordHasher>(new Pbkdf2PasswordHasher());
        services.AddSingleton(new SignInSettings(SignInPolicy.Default, settings.SystemUseNotice is { Length: > 0 } notice ? notice : SignInSettings.DefaultNotice));
        return services;
    }
}
