using System.Security.Claims;
using System.Text.Encodings.Web;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Authentication;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EvidenceVault.Api;

/// <summary>
/// One authentication scheme for both credentials: <c>Authorization: Bearer &lt;token&gt;</c> from sign-in, and a
/// station's key as <c>Authorization: ApiKey &lt;key&gt;</c> or <c>X-Api-Key</c>. Endpoint groups that touch
/// evidence call <see cref="RequireActor{TBuilder}"/>; unauthenticated requests then get a 401 problem.
/// </summary>
public static class ApiAuthentication
{
    public const string Scheme = "EvidenceVault";
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The custody log's actor: the user, or the user through a station.</summary>
    public const string ActorClaim = "evidencevault:actor";
    public const string SessionClaim = "evidencevault:session";
    public const string StationClaim = "evidencevault:station";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, CredentialHandler>(Scheme, null);
        services.AddAuthorization();
        return services;
    }

    /// <summary>Every endpoint of the group needs a valid bearer token or station key.</summary>
    public static TBuilder RequireActor<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization();

    /// <summary>The credential a request carries, or null when it carries none.</summary>
    internal static (CredentialKind Kind, string Secret)? CredentialOf(HttpRequest request)
    {
        if (request.Headers[ApiKeyHeader].ToString() is { Length: > 0 } key && !string.IsNullOrWhiteSpace(key))
        {
            return (CredentialKind.StationKey, key.Trim());
        }

        var authorization = request.Headers.Authorization.ToString();
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || authorization[(space + 1)..].Trim() is not { Length: > 0 } secret)
        {
            return null;
        }

        return authorization[..space] switch
        {
            var s when s.Equals("Bearer", StringComparison.OrdinalIgnoreCase) => (CredentialKind.BearerToken, secret),
            var s when s.Equals("ApiKey", StringComparison.OrdinalIgnoreCase) => (CredentialKind.StationKey, secret),
            _ => null,
        };
    }

    /// <summary>The claims every front door gives an authenticated request, so the custody actor is the same whichever door it came through.</summary>
    internal static AuthenticationTicket TicketOf(Authentication outcome, string scheme)
    {
        List<Claim> claims = [new(ClaimTypes.Name, outcome.User!.Name.Value), new(ActorClaim, outcome.Actor!)];
        if (outcome.SessionId is { } session)
        {
            claims.Add(new Claim(SessionClaim, session));
        }

        if (outcome.Station is { } station)
        {
            claims.Add(new Claim(StationClaim, station.Value));
        }

        return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, scheme)), scheme);
    }

    private sealed class CredentialHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        IMediator mediator,
        IUserStore users,
        IProblemDetailsService problems)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        private const string NoCredential =
            "Sign in (POST /auth/sign-in) and send `Authorization: Bearer <token>`, or send a station key as `Authorization: ApiKey <key>` or `X-Api-Key: <key>`.";

        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (CredentialOf(Request) is not var (kind, secret))
            {
                return AuthenticateResult.NoResult();
            }

            var outcome = await mediator.Send(new AuthenticateCommand(kind, secret), Context.RequestAborted);
            if (outcome.User is null)
            {
                return AuthenticateResult.Fail(outcome.Failure ?? "The credential was refused.");
            }

            return AuthenticateResult.Success(TicketOf(outcome, ApiAuthentication.Scheme));
        }

        protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            var outcome = await HandleAuthenticateOnceSafeAsync();
            var detail = outcome.Failure?.Message ?? (await users.AnyAsync(Context.RequestAborted) ? NoCredential : SignInSettings.NoUsersHint);
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            Response.Headers.Append(HeaderNames.WWWAuthenticate, outcome.Failure is null ? "Bearer realm=\"evidencevault\"" : "Bearer realm=\"evidencevault\", error=\"invalid_token\"");
            Response.Headers.Append(HeaderNames.WWWAuthenticate, "ApiKey realm=\"evidencevault\"");
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = Context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "AuthenticationRequired", Detail = detail },
            });
        }
    }
}
