namespace EvidenceVault.Api;

/// <summary>
/// How the API names its own resources in headers such as <c>Location</c>. The request's Host header is the
/// client's to choose, so it never goes into a URL: without a configured public base URL the path is relative
/// (tus clients resolve it against the URL they created the upload at).
/// </summary>
internal sealed record PublicAddress(Uri? BaseUrl)
{
    /// <summary>The URL of <paramref name="path"/> (which starts with '/').</summary>
    public string For(HttpRequest request, string path) =>
        BaseUrl is { } baseUrl ? baseUrl.AbsoluteUri.TrimEnd('/') + path : request.PathBase + path;
}
