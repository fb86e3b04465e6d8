using System.Globalization;
using System.Threading.RateLimiting;
using EvidenceVault.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace EvidenceVault.Api;

/// <summary>
/// ASP.NET Core's rate limiter and Kestrel's body limit, set from <see cref="ApiLimits"/>: sign-in and the anonymous
/// endpoints per client address, upload creation and concurrent downloads per user; a rejected request is 429 with <c>Retry-After</c> and a
/// problem body naming the limit.
/// </summary>
internal static class RequestLimits
{
    public const string SignIn = "sign-in";
    public const string Anonymous = "anonymous";
    public const string UploadCreation = "upload-creation";
    public const string Downloads = "downloads";

    public static void AddRequestLimits(this WebApplicationBuilder builder, ApiLimits limits)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxBodyBytes);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(SignIn, http => PerMinute(AddressOf(http), limits.SignInsPerMinute));
            options.AddPolicy(UploadCreation, http => PerMinute(http.User.Identity?.Name ?? AddressOf(http), limits.UploadCreationsPerMinute));
            options.AddPolicy(Downloads, http => RateLimitPartition.GetConcurrencyLimiter(
                http.User.Identity?.Name ?? AddressOf(http),
                _ => new ConcurrencyLimiterOptions { PermitLimit = limits.DownloadsPerUser, QueueLimit = 0 }));
            options.AddPolicy(Anonymous, http => RateLimitPartition.GetFixedWindowLimiter(
                AddressOf(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.AnonymousPerSecond, Window = TimeSpan.FromSeconds(1), QueueLimit = 0 }));
        });
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "TooManyRequests", Detail = $"Too many requests from this client; try again in {seconds} s." },
        });
    }
}
