using EvidenceVault.Api.Uploads;
using EvidenceVault.Application.Custody;
using EvidenceVault.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EvidenceVault.Api;

/// <summary>The HTTP front door: the same <c>AddEvidenceVault</c> composition the CLI uses.</summary>
public static class EvidenceVaultApi
{
    /// <summary>Loopback only by default: until bearer tokens land the actor header is trusted as is.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(EvidenceVaultSettings settings, IReadOnlyList<string> urls)
    {
        // No static files or appsettings: the content root only has to exist.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. urls.Count == 0 ? [DefaultUrl] : urls]);
        builder.Services.AddEvidenceVault(settings);
        builder.Services.AddHttpContextAccessor();
        builder.Services.Replace(ServiceDescriptor.Singleton<IActorContext>(sp => new HeaderActor(sp.GetRequiredService<IHttpContextAccessor>(), settings.Actor)));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddSingleton(new DownloadArea(Path.Combine(settings.DataDirectory, "downloads")));
        builder.Services.AddHostedService<UploadSweeper>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/healthz", HealthEndpoint.CheckAsync);
        RecordingEndpoints.Map(app.MapGroup("/recordings").AddEndpointFilter(RequireActor));
        TusEndpoints.Map(app.MapGroup("/uploads").AddEndpointFilter(TusEndpoints.TusResumable).AddEndpointFilter(RequireActor));
        return app;
    }

    /// <summary>Evidence is never touched anonymously: custody entries must name someone.</summary>
    private static async ValueTask<object?> RequireActor(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        HeaderActor.Of(context.HttpContext) is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "ActorRequired", detail: $"Name the acting user in the {HeaderActor.HeaderName} header (a placeholder until sign-in and bearer tokens arrive).")
            : await next(context);
}
