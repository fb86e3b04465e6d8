using System.Security.Claims;
using EvidenceVault.Application;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Web;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;

namespace EvidenceVault.Api.Endpoints;

/// <summary>
/// What the web app needs besides its pages: evidence bytes for the player and downloads (the API's own download
/// path, so the same verification, grant check and custody entry), sign-out, and the idle timer's keep-alive.
/// </summary>
internal static class WebEndpoints
{
    public static void Map(WebApplication app)
    {
        // The browser's door is not part of the JSON API's OpenAPI document.
        var web = app.MapGroup("/").RequireAuthorization(WebApp.Policy).ExcludeFromDescription();
        web.AddEndpointFilter(RefusedAsPageAsync);
        web.MapGet("/evidence/{id}/original", (IMediator mediator, DownloadArea downloads, string id, string? grant, CancellationToken ct) =>
            RecordingEndpoints.DownloadAsync(mediator, downloads, id, grant, RetrievalTarget.Original, ct)).RequireRateLimiting(RequestLimits.Downloads);
        web.MapGet("/evidence/{id}/proxy", (IMediator mediator, DownloadArea downloads, string id, string? grant, CancellationToken ct) =>
            RecordingEndpoints.DownloadAsync(mediator, downloads, id, grant, RetrievalTarget.Proxy, ct)).RequireRateLimiting(RequestLimits.Downloads);
        web.MapGet("/evidence/{id}/thumbnail", (IMediator mediator, DownloadArea downloads, string id, string? grant, CancellationToken ct) =>
            RecordingEndpoints.DownloadAsync(mediator, downloads, id, grant, RetrievalTarget.Thumbnail, ct)).RequireRateLimiting(RequestLimits.Downloads);
        web.MapGet("/evidence/{id}/preview.jpg", (IMediator mediator, DownloadArea downloads, string id, string? grant, CancellationToken ct) =>
            RecordingEndpoints.DownloadAsync(mediator, downloads, id, grant, RetrievalTarget.Sprite, ct)).RequireRateLimiting(RequestLimits.Downloads);
        web.MapGet("/evidence/{id}/preview.vtt", (IMediator mediator, DownloadArea downloads, string id, string? grant, CancellationToken ct) =>
            RecordingEndpoints.DownloadAsync(mediator, downloads, id, grant, RetrievalTarget.SpriteCues, ct)).RequireRateLimiting(RequestLimits.Downloads);
        web.MapGet("/evidence/{id}/redactions/{copy}", RedactionEndpoints.DownloadAsync).RequireRateLimiting(RequestLimits.Downloads);
        web.MapGet("/session/keep-alive", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.NoContent();
        });
        web.MapPost("/sign-out", SignOutAsync);
        web.MapPost("/case-files/{number}/package", PackageAsync).RequireRateLimiting(RequestLimits.Downloads);
    }

    /// <summary>The case's export package (BagIt, signed) as a zip download: the API's export, from a form.</summary>
    private static async Task<IResult> PackageAsync(HttpContext http, IAntiforgery antiforgery, IMediator mediator, DownloadArea downloads, string number, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return AntiforgeryRefused("export");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var grant = form["grant"].ToString() is { Length: > 0 } g ? g.Trim() : null;
        return await CaseEndpoints.ExportAsync(mediator, downloads, number, grant, form["proxies"] == "true", cancellationToken);
    }

    /// <summary>A person's navigation or form post that a use case refuses sees a page with the reason; scripts get the problem.</summary>
    private static async ValueTask<object?> RefusedAsPageAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (Errors.Classify(ex) is { } error && WebRefusal.WantsPage(context.HttpContext.Request))
        {
            return WebRefusal.Page(context.HttpContext.Request, error, ex.Message, ProblemMapping.StatusOf(error));
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult AntiforgeryRefused(string form) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "antiforgery-token-invalid", detail: $"The {form} form's antiforgery token is missing or wrong; reload the page and try again.");

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, IMediator mediator, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        // A form post: without the antiforgery token another site could sign the user out.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return AntiforgeryRefused("sign-out");
        }

        if (principal.FindFirstValue(ApiAuthentication.SessionClaim) is { } session)
        {
            await mediator.Send(new SignOutCommand(session), cancellationToken);
        }

        WebSession.End(http);
        return TypedResults.LocalRedirect(WebSession.SignInPath);
    }
}
