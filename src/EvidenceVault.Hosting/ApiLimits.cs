namespace EvidenceVault.Hosting;

/// <summary>
/// What one client may ask of the HTTP API: the body size of a request (tus chunks excepted: their declared
/// length bounds them), and request rates per client address (anonymous endpoints, sign-in) and per user
/// (upload creation, concurrent downloads). A client over a limit gets 429 with Retry-After.
/// </summary>
public sealed record ApiLimits
{
    /// <summary>The largest request body outside tus chunks (JSON requests are small; 1 MiB is ample).</summary>
    public long MaxBodyBytes { get; init; } = 1L << 20;

    /// <summary>Sign-in attempts per client address per minute.</summary>
    public int SignInsPerMinute { get; init; } = 20;

    /// <summary>Requests per client address per second to the anonymous endpoints (<c>/healthz</c>, <c>/auth/notice</c>, <c>/openapi</c>).</summary>
    public int AnonymousPerSecond { get; init; } = 50;

    /// <summary>How long one run of the <c>/healthz</c> checks is served before they run again.</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Uploads a user (or station key) may create per minute.</summary>
    public int UploadCreationsPerMinute { get; init; } = 120;

    /// <summary>Downloads (originals, proxies, thumbnails) one user may have streaming at once; a player seeking holds one or two.</summary>
    public int DownloadsPerUser { get; init; } = 4;
}
