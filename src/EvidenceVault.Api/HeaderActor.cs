using EvidenceVault.Application.Custody;

namespace EvidenceVault.Api;

/// <summary>
/// PLACEHOLDER until sign-in and bearer tokens (issue 5) land: the actor is whoever the
/// <see cref="HeaderName"/> header names, so the API must only listen on loopback. Outside a request
/// (start-up, background work) the host's own actor acts.
/// </summary>
public sealed class HeaderActor(IHttpContextAccessor http, string hostActor) : IActorContext
{
    public const string HeaderName = "X-EvidenceVault-Actor";

    public string Actor => Of(http.HttpContext) ?? hostActor;

    /// <summary>The named actor of a request, or null when the header is missing or blank.</summary>
    public static string? Of(HttpContext? context) =>
        context?.Request.Headers[HeaderName].ToString() is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : null;
}
