using EvidenceVault.Application.Authentication;
using EvidenceVault.Domain.Access;
using EvidenceVault.Storage.Catalog;
using EvidenceVault.Storage.Credentials;
using EvidenceVault.Storage.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>Passwords, sessions and station keys: the stores, the KDF, the server secret and the sign-in policy with its notice.</summary>
internal static class SignInRegistration
{
    /// <summary>The server secret's file under <see cref="EvidenceVaultSettings.KeysRoot"/>, created at first use.</summary>
    public const string CredentialKeyFile = "credentials.key";

    public static IServiceCollection AddSignIn(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        services.AddSingleton<ICredentialStore, SqlCredentialStore>();
        services.AddSingleton<IStationKeyStore, SqlStationKeyStore>();
        services.AddSingleton<IPasswordHasher>(new Pbkdf2PasswordHasher());

        // Read (or made) when first needed, so commands that never touch credentials leave the keys folder alone.
        services.AddSingleton(_ => new CredentialBinding(KeyFiles.LoadOrCreate(Path.Combine(settings.KeysRoot, CredentialKeyFile), CredentialBinding.NewSecret)));
        services.AddSingleton(new SignInSettings(SignInPolicy.Default, settings.SystemUseNotice is { Length: > 0 } notice ? notice : SignInSettings.DefaultNotice));
        services.AddSingleton<SignInThrottle>();
        return services;
    }
}
