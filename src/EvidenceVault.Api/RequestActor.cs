using System.Security.Claims;
using EvidenceVault.Application.Custody;

namespace EvidenceVault.Api;

/// <summary>
/// The actor of an HTTP request is whoever its credential proved (<see cref="ApiAuthentication"/>); a request
/// without one is <see cref="Anonymous"/>, never the host. Outside a request (start-up, background work) the
/// host's own actor acts.
/// </summary>
public sealed class RequestActor(IHttpContextAccessor http, string hostActor) : IActorContext
{
    public const string Anonymous = "anonymous";

    public string Actor => Of(ApiAuthentication.ActorClaim);

    public string ActingUser => Of(ClaimTypes.Name);

    public string? Station => http.HttpContext?.User.FindFirstValue(ApiAuthentication.StationClaim);

    private string Of(string claim) => http.HttpContext is { } context ? context.User.FindFirstValue(claim) ?? Anonymous : hostActor;
}
