using System.Text.Encodings.Web;
using System.Text.Unicode;
using EvidenceVault.Web.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Web;

/// <summary>
/// The browser front door: Razor components rendered on the server for every request (static SSR, no circuits), so
/// each page view, filter and action goes through the same authentication, authorization and custody path as the API.
/// </summary>
public static class WebApp
{
    /// <summary>The authorization policy of every page but sign-in; the host defines it over its session cookie scheme.</summary>
    public const string Policy = "web";

    /// <summary>Scripts and styles only from this origin, no inline script, no framing: an injected string cannot run.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; connect-src 'self'; "
        + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    public static IServiceCollection AddWebApp(this IServiceCollection services)
    {
        services.AddRazorComponents();

        // Chinese is the first language: written as text, not as a &#x...; escape per character (a third of the bytes).
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "evidencevault-antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddScoped<Ui>();
        services.AddScoped<SignedInUser>();
        return services;
    }

    /// <summary>Call after authentication, authorization and antiforgery are in the pipeline.</summary>
    public static void MapWebApp(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            await next(http);
        });
        app.MapGet("/assets/{name}", WebAssets.Serve).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/language", (string? to, string? returnUrl, HttpContext http) =>
        {
            http.Response.Cookies.Append(Ui.LanguageCookie, to == Ui.English ? Ui.English : Ui.Chinese, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
            return Results.LocalRedirect(WebSession.IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorComponents<App>().RequireAuthorization(Policy);
    }
}
