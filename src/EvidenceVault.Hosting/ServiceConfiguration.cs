using Microsoft.Extensions.Configuration;

namespace EvidenceVault.Hosting;

/// <summary>
/// The limits that are settings, not constants, read the .NET way: <c>appsettings.json</c> (or a given file), then
/// <c>EVIDENCEVAULT__SECTION__KEY</c> environment variables; command-line options win over both. Sections: <c>Uploads</c>,
/// <c>Api</c>, <c>Retrieval</c>, <c>Text</c>, <c>Ffmpeg</c> (timeouts), <c>Azure</c> (breaker, retries, timeouts), <c>Station</c>, <c>StationBoards</c>.
/// A key that names no setting, or a value of the wrong shape, stops the start with the section and key named.
/// </summary>
public static class ServiceConfiguration
{
    public const string EnvironmentPrefix = "EVIDENCEVAULT__";

    public static IConfiguration Load(string? file, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        if (file is not null && !File.Exists(file))
        {
            throw new ConfigurationException($"The settings file '{file}' does not exist.");
        }

        try
        {
            return new ConfigurationBuilder()
                .AddJsonFile(file is null ? Path.GetFullPath("appsettings.json") : Path.GetFullPath(file), optional: file is null)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .AddInMemoryCollection(overrides ?? [])
                .Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException)
        {
            throw new ConfigurationException($"The settings file '{file ?? "appsettings.json"}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>The settings with their limits taken from the configuration where it has them.</summary>
    public static EvidenceVaultSettings Apply(EvidenceVaultSettings settings, IConfiguration configuration) => settings with
    {
        Configuration = configuration,
        Uploads = Get(configuration, "Uploads", settings.Uploads),
        Api = Get(configuration, "Api", settings.Api),
        Retrieval = Get(configuration, "Retrieval", settings.Retrieval),
        SpotChecks = Get(configuration, "SpotChecks", settings.SpotChecks),
        Text = Get(configuration, "Text", settings.Text),
    };

    /// <summary>Sets what the section has onto <paramref name="target"/> (options whose other values come from elsewhere).</summary>
    public static T Bind<T>(IConfiguration? configuration, string section, T target)
        where T : class
    {
        if (configuration?.GetSection(section) is { } found && found.Exists())
        {
            Guard(section, () => found.Bind(target, o => o.ErrorOnUnknownConfiguration = true));
        }

        return target;
    }

    private static T Get<T>(IConfiguration configuration, string section, T fallback)
        where T : class
    {
        var found = configuration.GetSection(section);
        return found.Exists() ? Guard(section, () => found.Get<T>(o => o.ErrorOnUnknownConfiguration = true)) ?? fallback : fallback;
    }

    private static void Guard(string section, Action bind) => Guard<object?>(section, () =>
    {
        bind();
        return null;
    });

    private static T Guard<T>(string section, Func<T> bind)
    {
        try
        {
            return bind();
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException($"Configuration section '{section}': {ex.Message}{(ex.InnerException is { } inner ? " " + inner.Message : "")}", ex);
        }
    }
}
