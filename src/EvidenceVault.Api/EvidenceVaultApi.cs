using EvidenceVault.Api.Endpoints;
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

        // The OpenAPI document is served at /openapi/v1.json.
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "EvidenceVault";
            document.Info.Description = "Full-process recording of administrative law enforcement: the same use cases as the evidencevault CLI.";
            return Task.CompletedTask;
        }));
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddSingleton(new DownloadArea(Path.Combine(settings.DataDirectory, "downloads")));
        builder.Services.AddHostedService<UploadSweeper>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapGet("/healthz", HealthEndpoint.CheckAsync);
        var recordings = app.MapGroup("/recordings").AddEndpointFilter(RequireActor);
        RecordingEndpoints.Map(recordings);
        RetentionEndpoints.MapRecordingRetention(recordings);
        CaseEndpoints.Map(app.MapGroup("/cases").AddEndpointFilter(RequireActor));
        CaseActivityEndpoints.MapDeadlines(app.MapGroup("/deadlines").AddEndpointFilter(RequireActor));
        RetentionEndpoints.MapHolds(app.MapGroup("/holds").AddEndpointFilter(RequireActor));
        RetentionEndpoints.Map(app.MapGroup("/retention").AddEndpointFilter(RequireActor));
        RetrievalEndpoints.Map(app.MapGroup("/retrievals").AddEndpointFilter(RequireActor));
        AuditEndpoints.Map(app.MapGroup("/audit").AddEndpointFilter(RequireActor));
        TusEndpoints.Map(app.MapGroup("/uploads").AddEndpointFilter(TusEndpoints.TusResumable).AddEndpointFilter(RequireActor));
        return app;
    }

    /// <summary>Evidence is never touched anonymously: custody entries must name someone.</summary>
    private static async ValueTask<object?> RequireActor(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        HeaderActor.Of(context.HttpContext) is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "ActorRequired", detail: $"Name the acting user in the {HeaderActor.HeaderName} header (a placeholder until sign-in and bearer tokens arrive).")
            : await next(context);
}
