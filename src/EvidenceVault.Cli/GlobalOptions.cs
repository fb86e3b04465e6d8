using System.CommandLine;
using EvidenceVault.Application.Custody;
using EvidenceVault.Cli.SignIn;
using EvidenceVault.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvidenceVault.Cli;

/// <summary>Options every command shares, and how they become a configured service provider.</summary>
internal static class GlobalOptions
{
    public const string DataVariable = "EVIDENCEVAULT_DATA";

    public const string CalendarVariable = "EVIDENCEVAULT_CALENDAR";

    public const string CatalogVariable = "EVIDENCEVAULT_CATALOG";

    public const string SigningKeyVariable = "EVIDENCEVAULT_SIGNING_KEY";

    /// <summary>The folder of the server's keys (signing key, credential secret); every machine of one deployment shares it.</summary>
    public const string KeysVariable = "EVIDENCEVAULT_KEYS";

    /// <summary>Set to <c>sm2-sm3</c> where national cryptography is required; read only when the key is created.</summary>
    public const string SignatureVariable = "EVIDENCEVAULT_SIGNATURE";

    public static readonly Option<string?> Data = new("--data")
    {
        Description = $"Data folder (catalog, local vault, staging). Default: ${DataVariable}, else ./.evidencevault",
        Recursive = true,
    };

    public static readonly Option<string?> Vault = new("--vault")
    {
        Description = "Vault backend: 'local' (default) or azure://<container> (connection string in EVIDENCEVAULT_AZURE_CONNECTION)",
        Recursive = true,
    };

    public static readonly Option<string?> Uploads = new("--uploads")
    {
        Description = "Upload store: 'local' (default, under the data folder) or azure://<container>, which every API node can continue from (connection string in EVIDENCEVAULT_AZURE_CONNECTION). Default: $EVIDENCEVAULT_UPLOADS",
        Recursive = true,
    };

    public static readonly Option<string?> Catalog = new("--catalog")
    {
        Description = $"Catalog: a SQLite file (default <data>/catalog.db) or postgres://user@host:port/database (password from PGPASSWORD). Default: ${CatalogVariable}",
        Recursive = true,
    };

    public static readonly Option<string> Zone = new("--zone")
    {
        Description = "Time zone of recorder clocks in file names (IANA id)",
        DefaultValueFactory = _ => "Asia/Shanghai",
        Recursive = true,
    };

    public static readonly Option<string?> Profiles = new("--profiles")
    {
        Description = "JSON file of extra recorder naming profiles",
        Recursive = true,
    };

    public static readonly Option<string?> RetentionRules = new("--retention-rules")
    {
        Description = "JSON file of the agency's retention rules (default: the built-in ones)",
        Recursive = true,
    };

    public static readonly Option<string?> Calendar = new("--calendar")
    {
        Description = $"JSON file of holiday years added to the built-in 2025-2026 calendar. Default: ${CalendarVariable}",
        Recursive = true,
    };

    public static readonly Option<string?> Actor = new("--actor")
    {
        Description = "Who is acting while the catalog has no users (default: user@host); once it has users, sign in with `login`",
        Recursive = true,
    };

    public static readonly Option<string?> SigningKey = new("--signing-key")
    {
        Description = $"The vault signing key file (created at first use, mode 0400). Default: ${SigningKeyVariable}, else <data>/keys/signing.key",
        Recursive = true,
    };

    public static readonly Option<string?> Keys = new("--keys")
    {
        Description = $"The folder of the server's keys, outside the catalog and shared by every API and worker machine of one deployment. Default: ${KeysVariable}, else <data>/keys",
        Recursive = true,
    };

    public static readonly Option<string?> Config = new("--config")
    {
        Description = "JSON settings file (sections Uploads, Api, Retrieval, SpotChecks, Text, Ffmpeg, Azure, Station). Default: ./appsettings.json when present; EVIDENCEVAULT__SECTION__KEY variables override it",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Write diagnostic logs to standard error",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { Data, Catalog, Vault, Uploads, Zone, Profiles, RetentionRules, Calendar, Actor, Keys, SigningKey, Config, Verbose })
        {
            root.Options.Add(option);
        }
    }

    /// <summary>The services of one run; its actor is a <see cref="CliActor"/> that <see cref="CliSignIn"/> proves.</summary>
    /// <param name="parse">The command line (global options).</param>
    /// <param name="configure">Last changes to the services (the station binds its options and adds its loop).</param>
    /// <param name="configuration">The configuration to read settings from; null for the settings file and environment.</param>
    public static ServiceProvider BuildServices(ParseResult parse, Action<IServiceCollection>? configure = null, Microsoft.Extensions.Configuration.IConfiguration? configuration = null)
    {
        var settings = Settings(parse, configuration);
        var services = new ServiceCollection().AddEvidenceVault(settings);
        services.AddSingleton(new CliActor(settings.Actor));
        services.Replace(ServiceDescriptor.Singleton<IActorContext>(sp => sp.GetRequiredService<CliActor>()));
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The settings file and environment, with <paramref name="overrides"/> from a command's own options on top.</summary>
    public static Microsoft.Extensions.Configuration.IConfiguration Configuration(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        ServiceConfiguration.Load(parse.GetValue(Config), overrides);

    public static EvidenceVaultSettings Settings(ParseResult parse, Microsoft.Extensions.Configuration.IConfiguration? configuration = null) =>
        ServiceConfiguration.Apply(CommandLineSettings(parse), configuration ?? Configuration(parse));

    private static EvidenceVaultSettings CommandLineSettings(ParseResult parse) =>
        new()
        {
            DataDirectory = Path.GetFullPath(parse.GetValue(Data) ?? Environment.GetEnvironmentVariable(DataVariable) ?? ".evidencevault"),
            Catalog = parse.GetValue(Catalog) ?? (Environment.GetEnvironmentVariable(CatalogVariable) is { Length: > 0 } catalog ? catalog : null),
            VaultUri = parse.GetValue(Vault),
            UploadStoreUri = parse.GetValue(Uploads) ?? (Environment.GetEnvironmentVariable("EVIDENCEVAULT_UPLOADS") is { Length: > 0 } uploads ? uploads : null),
            AzureConnectionString = Environment.GetEnvironmentVariable("EVIDENCEVAULT_AZURE_CONNECTION") is { Length: > 0 } connection ? connection : null,
            LocalTimeZone = parse.GetValue(Zone) ?? "Asia/Shanghai",
            ProfilesFile = parse.GetValue(Profiles),
            RetentionRulesFile = parse.GetValue(RetentionRules) ?? (Environment.GetEnvironmentVariable("EVIDENCEVAULT_RETENTION_RULES") is { Length: > 0 } rules ? rules : null),
            CalendarFile = parse.GetValue(Calendar) ?? (Environment.GetEnvironmentVariable(CalendarVariable) is { Length: > 0 } calendar ? calendar : null),
            FfmpegFolder = Environment.GetEnvironmentVariable("EVIDENCEVAULT_FFMPEG_FOLDER") ?? "/usr/bin",
            Actor = parse.GetValue(Actor) ?? $"{Environment.UserName}@{Environment.MachineName}",
            KeysDirectory = (parse.GetValue(Keys) ?? (Environment.GetEnvironmentVariable(KeysVariable) is { Length: > 0 } keys ? keys : null)) is { } folder ? Path.GetFullPath(folder) : null,
            SigningKeyFile = parse.GetValue(SigningKey) ?? (Environment.GetEnvironmentVariable(SigningKeyVariable) is { Length: > 0 } key ? key : null),
            SigningAlgorithm = Environment.GetEnvironmentVariable(SignatureVariable) == "sm2-sm3" ? Application.Signing.SignatureAlgorithm.Sm2Sm3 : Application.Signing.SignatureAlgorithm.Ed25519,
            LogLevel = parse.GetValue(Verbose) ? Microsoft.Extensions.Logging.LogLevel.Information : Microsoft.Extensions.Logging.LogLevel.Warning,
        };
}
