using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace EvidenceVault.Web;

/// <summary>
/// The stylesheet and the two scripts, embedded in the assembly so the single-file binary needs no wwwroot. Each URL
/// carries a digest of its bytes, so a browser may cache it for a year and still never runs a stale player.
/// </summary>
public static class WebAssets
{
    private static readonly FrozenDictionary<string, Asset> All = Load();

    /// <summary>The URL of <paramref name="name"/> with its version; a name that is not embedded is a bug.</summary>
    public static string Url(string name) => All.TryGetValue(name, out var asset)
        ? $"/assets/{name}?v={asset.Version}"
        : throw new ArgumentException($"No web asset is named {name}.", nameof(name));

    internal static IResult Serve(string name, HttpContext http)
    {
        if (!All.TryGetValue(name, out var asset))
        {
            return Results.NotFound();
        }

        // Only a URL naming this version may be cached for good; a bare one (a module's import) is revalidated.
        http.Response.Headers.CacheControl = http.Request.Query["v"] == asset.Version ? "public, max-age=31536000, immutable" : "no-cache";
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("assets/", StringComparison.Ordinal))
            .ToFrozenDictionary(n => n["assets/".Length..], n => Read(assembly, n), StringComparer.Ordinal);
    }

    private static Asset Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var type = Path.GetExtension(resource) switch
        {
            ".css" => "text/css; charset=utf-8",
            ".js" => "text/javascript; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return new Asset(content, type, Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
    }

    private sealed record Asset(byte[] Content, string ContentType, string Version);
}
