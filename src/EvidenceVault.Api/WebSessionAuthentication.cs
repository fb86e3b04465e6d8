using System.Text.Encodings.Web;
using EvidenceVault.Application.Authentication;
using EvidenceVault.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Api;

/// <summary>
/// The web app's scheme: the session cookie carries the same session token as a bearer header, checked by the same
/// <see cref="AuthenticateCommand"/> (idle and absolute expiry, disabled users, revoked sessions). A page request
/// without a valid session is sent to sign-in and comes back where it was. Only the web app's endpoints accept the
/// cookie: the JSON API stays bearer-only, so a cookie can never make a cross-site API call.
/// </summary>
internal static class WebSessionAuthentication
{
    public const string Scheme = "EvidenceVault.Web";

    public static IServiceCollection AddWebSessionAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, SessionCookieHandler>(Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(WebApp.Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    private sealed class SessionCookieHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        IMediator mediator)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (WebSession.TokenOf(Request) is not { } token)
            {
                return AuthenticateResult.NoResult();
            }

            var outcome = await mediator.Send(new AuthenticateCommand(CredentialKind.BearerToken, token), Context.RequestAborted);
            return outcome.User is null
                ? AuthenticateResult.Fail(outcome.Failure ?? "The session was refused.")
                : AuthenticateResult.Success(ApiAuthentication.TicketOf(outcome, WebSessionAuthentication.Scheme));
        }

        protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
        {
            var refused = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
            if (refused)
            {
                WebSession.End(Context);
            }

            var back = Uri.EscapeDataString(Request.PathBase + Request.Path + Request.QueryString);
            Response.Redirect($"{WebSession.SignInPath}?returnUrl={back}" + (refused ? "&ended=true" : ""));
        }
    }
}
