using EvidenceVault.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvidenceVault.Web;

/// <summary>
/// A refusal of the browser's endpoints as a page rather than a JSON problem, when the request came from a person
/// navigating or posting a form (it accepts HTML); a script (the player, the uploader) still gets the problem.
/// </summary>
public static class WebRefusal
{
    public static bool WantsPage(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    public static IResult Page(HttpRequest request, ErrorCode code, string message, int status) =>
        new RazorComponentResult<Components.RefusalDocument>(new Dictionary<string, object?>
        {
            [nameof(Components.RefusalDocument.Code)] = code,
            [nameof(Components.RefusalDocument.Message)] = message,
            [nameof(Components.RefusalDocument.Back)] = BackOf(request),
        })
        { StatusCode = status };

    /// <summary>The referring page when it is this site's own, so the way back can never lead elsewhere.</summary>
    private static string BackOf(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
        && string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && WebSession.IsLocal(referer.PathAndQuery)
            ? referer.PathAndQuery
            : "/";
}
