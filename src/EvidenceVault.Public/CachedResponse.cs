using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace EvidenceVault.Public;

/// <summary>
/// Every answer of the site: a whole body with a strong ETag (its SHA-256), public caching for a short time, and a
/// 304 when the client already holds that body. Pages are small and built per request, so hashing them is cheap.
/// </summary>
internal static class CachedResponse
{
    public static IResult Of(string body, string contentType, TimeSpan cacheFor) => new Result(Encoding.UTF8.GetBytes(body), contentType, cacheFor);

    private sealed class Result(byte[] body, string contentType, TimeSpan cacheFor) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";
            var headers = context.Response.Headers;
            headers.ETag = etag;
            headers.CacheControl = $"public, max-age={(int)cacheFor.TotalSeconds}";
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
            }
        }
    }

    /// <summary>Headers every answer carries: no sniffing, no scripts, no framing, no referrer sent on.</summary>
    public static void Harden(IHeaderDictionary headers)
    {
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers["Referrer-Policy"] = "no-referrer";
    }
}
