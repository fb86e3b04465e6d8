namespace EvidenceVault.Hosting;

/// <summary>Everything a host decides about where EvidenceVault keeps things and how it reads names.</summary>
public sealed record EvidenceVaultSettings
{
    /// <summary>Catalog, local vault and staging live under this folder.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>A SQLite file, or a <c>postgres://</c> URL for a catalog several machines share; null for <see cref="CatalogPath"/>.</summary>
    public string? Catalog { get; init; }

    /// <summary>Null or <c>local</c> for the local vault under the data folder; <c>azure://&lt;container&gt;</c> for Azure Blob.</summary>
    public string? VaultUri { get; init; }

    /// <summary>
    /// Null or <c>local</c> for uploads under the data folder (one API node); <c>azure://&lt;container&gt;</c> for a blob
    /// container, so any API node can continue any upload. Best in the vault's account: completion is then a server-side copy.
    /// </summary>
    public string? UploadStoreUri { get; init; }

    /// <summary>Azure Storage connection string (from config or <c>EVIDENCEVAULT_AZURE_CONNECTION</c>).</summary>
    public string? AzureConnectionString { get; init; }

    /// <summary>The zone local recorder clocks are read in (IANA id).</summary>
    public string LocalTimeZone { get; init; } = "Asia/Shanghai";

    /// <summary>Optional JSON file of extra recorder naming profiles, tried before the built-in ones.</summary>
    public string? ProfilesFile { get; init; }

    /// <summary>An agency's own retention rules (JSON, same shape as the built-in ones); null for the defaults.</summary>
    public string? RetentionRulesFile { get; init; }

    /// <summary>Optional JSON file of holiday years added to the built-in calendar (same format as <c>cn-holidays.json</c>).</summary>
    public string? CalendarFile { get; init; }

    public string FfmpegFolder { get; init; } = "/usr/bin";

    /// <summary>Who is acting, for the custody log.</summary>
    public required string Actor { get; init; }

    /// <summary>The system-use notice shown on sign-in; null for the built-in Chinese and English text.</summary>
    public string? SystemUseNotice { get; init; }

    /// <summary>Minimum level for diagnostic logs (written to standard error).</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Warning;

    /// <summary>Limits of the network upload endpoint (tus): size, expiry, concurrent transfers, reserved space.</summary>
    public Application.Uploads.UploadLimits Uploads { get; init; } = new();

    /// <summary>Bounds of retrieval grants (longest period).</summary>
    public Application.Retrieval.RetrievalLimits Retrieval { get; init; } = new();

    /// <summary>Spot checks of recordings: how long their grant lasts, the population bound, the review checklist.</summary>
    public Application.SpotChecks.SpotCheckLimits SpotChecks { get; init; } = new();

    /// <summary>Length limits of the text fields of every command (names, party, free text, paths).</summary>
    public Application.Behaviors.TextLimits Text { get; init; } = new();

    /// <summary>
    /// The address clients reach the API at (e.g. <c>https://vault.example/evidence</c>, behind a reverse proxy), for
    /// absolute URLs such as a tus upload's <c>Location</c>; null for relative URLs. Never taken from the request's
    /// <c>Host</c> header, which the client chooses.
    /// </summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>Body size and request rates of the HTTP API.</summary>
    public ApiLimits Api { get; init; } = new();

    /// <summary>Where the sections of <see cref="ServiceConfiguration"/> come from (ffmpeg and Azure options are bound from it); null for defaults.</summary>
    public Microsoft.Extensions.Configuration.IConfiguration? Configuration { get; init; }

    public string CatalogPath => Path.Combine(DataDirectory, "catalog.db");

    public string CatalogLocation => Catalog ?? CatalogPath;

    public string LocalVaultRoot => Path.Combine(DataDirectory, "vault");

    public string StagingRoot => Path.Combine(DataDirectory, "staging");

    public string UploadsRoot => Path.Combine(DataDirectory, "uploads");

    /// <summary>
    /// Where the signing key and the server secret live: outside the catalog, so a catalog writer cannot forge what they
    /// sign or bind; null for <c>keys/</c> under the data folder.
    /// </summary>
    public string? KeysDirectory { get; init; }

    public string KeysRoot => KeysDirectory ?? Path.Combine(DataDirectory, "keys");

    /// <summary>The vault signing key (PKCS#8 PEM, mode 0400); null for <c>signing.key</c> under <see cref="KeysRoot"/>.</summary>
    public string? SigningKeyFile { get; init; }

    /// <summary>The algorithm of a signing key created at first start: Ed25519, or SM2/SM3 where national cryptography is required.</summary>
    public Application.Signing.SignatureAlgorithm SigningAlgorithm { get; init; } = Application.Signing.SignatureAlgorithm.Ed25519;

    public string SigningKeyPath => SigningKeyFile ?? Path.Combine(KeysRoot, "signing.key");
}
