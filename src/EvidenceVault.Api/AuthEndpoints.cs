using System.Globalization;
using System.Security.Claims;
using EvidenceVault.Application.Authentication;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace EvidenceVault.Api;

/// <summary><c>/auth</c>: the system-use notice and sign-in (anonymous), and sign-out.</summary>
internal static class AuthEndpoints
{
    /// <summary>The JSON body of <c>POST /auth/sign-in</c>.</summary>
    public sealed record SignInRequest(string? User, string? Password);

    /// <summary>The system-use notice a person must see before signing in.</summary>
    public sealed record SystemUseNotice(string Notice);

    /// <summary>A signed-in session's bearer token, when it idles out and expires, and the notice shown.</summary>
    public sealed record SignInToken(string Token, string TokenType, int IdleTimeoutSeconds, DateTimeOffset ExpiresAt, string User, string Notice);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/notice", (SignInSettings settings) => TypedResults.Ok(new SystemUseNotice(settings.Notice))).RequireRateLimiting(RequestLimits.Anonymous);
        group.MapPost("/sign-in", SignInAsync).RequireRateLimiting(RequestLimits.SignIn);
        group.MapPost("/sign-out", SignOutAsync).RequireActor();
    }

    private static async Task<Results<Ok<SignInToken>, ProblemHttpResult>> SignInAsync(SignInRequest? request, IMediator mediator, HttpContext http, CancellationToken cancellationToken)
    {
        // A token must never sit in a cache, and neither should an answer about one.
        http.Response.Headers.CacheControl = "no-store";
        if (request is not { User: { Length: > 0 } user, Password: { } password })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "SignInRequest", detail: "Send a JSON body {\"user\": \"<name>\", \"password\": \"<password>\"}.");
        }

        try
        {
            var signedIn = await mediator.Send(new SignInCommand(user, password, http.Connection.RemoteIpAddress?.ToString()), cancellationToken);
            return TypedResults.Ok(new SignInToken(signedIn.Token, "Bearer", (int)signedIn.IdleTimeout.TotalSeconds, signedIn.ExpiresAt, signedIn.User.Value, signedIn.Notice));
        }
        catch (SignInFailedException ex)
        {
            http.Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer realm=\"evidencevault\"");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "SignInFailed", detail: ex.Message);
        }
        catch (AccountLockedException ex)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(ex.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: "AccountLocked", detail: ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SignOutAsync(IMediator mediator, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.FindFirstValue(ApiAuthentication.SessionClaim) is not { } session)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "NotASession", detail: "Station keys do not sign out; an administrator revokes them (`evidencevault stations keys revoke`).");
        }

        await mediator.Send(new SignOutCommand(session), cancellationToken);
        return TypedResults.NoContent();
    }
}
