namespace EvidenceVault.Web;

/// <summary>
/// The browser's session: the same session token the API hands out at sign-in, held in a cookie the page's scripts
/// cannot read (HttpOnly), that no other site's page can make the browser send (SameSite=Strict), and that never
/// crosses plain HTTP once the host sits behind TLS (Secure).
/// </summary>
public static class WebSession
{
    public const string CookieName = "evidencevault-session";
    public const string SignInPath = "/sign-in";

    public static void Start(HttpContext http, string token, DateTimeOffset expiresAt) =>
        http.Response.Cookies.Append(CookieName, token, Options(http, expiresAt));

    public static void End(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(http, null));

    public static string? TokenOf(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var token) && !string.IsNullOrWhiteSpace(token) ? token : null;

    /// <summary>
    /// Where to go after sign-in: only a local path of this app, so a crafted link cannot send a signed-in user
    /// to another site (an open redirect).
    /// </summary>
    public static string SafeReturn(string? returnUrl) =>
        IsLocal(returnUrl) && !returnUrl!.StartsWith(SignInPath, StringComparison.OrdinalIgnoreCase) ? returnUrl : "/";

    /// <summary>A path of this app: not another host (<c>//x</c>, <c>/\x</c>) and no scheme.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Contains("://", StringComparison.Ordinal);

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expiresAt) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        Expires = expiresAt,
        IsEssential = true,
    };
}
