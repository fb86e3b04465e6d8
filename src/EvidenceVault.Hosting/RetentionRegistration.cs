using EvidenceVault.Application.Retention;
using EvidenceVault.Domain.Retention;
using EvidenceVault.Storage.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>Retention rules (built in, or an agency's file), the retention store and the services around them.</summary>
internal static class RetentionRegistration
{
    public static IServiceCollection AddRetention(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        services.AddSingleton(LoadRules(settings.RetentionRulesFile));
        services.AddSingleton<IRetentionStore, SqlRetentionStore>();
        services.AddSingleton<RetentionFacts>();
        services.AddSingleton<VaultLockSync>();
        services.AddSingleton<HoldLocks>();
        return services;
    }

    private static RetentionRules LoadRules(string? file)
    {
        if (file is null)
        {
            return RetentionRules.LoadBuiltIn();
        }

        try
        {
            using var stream = File.OpenRead(file);
            return RetentionRules.Load(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            throw new ConfigurationException($"The retention rules file '{file}' cannot be used: {ex.Message}");
        }
    }
}
