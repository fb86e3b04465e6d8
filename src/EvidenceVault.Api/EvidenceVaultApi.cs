using EvidenceVault.Api.Endpoints;
using EvidenceVault.Api.Uploads;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Diagnostics;
using EvidenceVault.Hosting;
using EvidenceVault.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace EvidenceVault.Api;

/// <summary>The HTTP front door: the same <c>AddEvidenceVault</c> composition the CLI uses.</summary>
public static class EvidenceVaultApi
{
    /// <summary>Loopback by default: the API speaks plain HTTP, so anything wider belongs behind a TLS proxy.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// The app over one data folder; with <paramref name="workers"/> above zero it also runs that many job workers
    /// (role all); <paramref name="configure"/> makes last changes to the services (tests swap in a fake clock).
    /// </summary>
    public static WebApplication Build(EvidenceVaultSettings settings, IReadOnlyList<string> urls, int workers = 0, Action<IServiceCollection>? configure = null)
    {
        // No static files or appsettings: the content root only has to exist.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. urls.Count == 0 ? [DefaultUrl] : urls]);
        builder.Services.AddEvidenceVault(settings);
        builder.Services.AddHttpContextAccessor();
        builder.Services.Replace(ServiceDescriptor.Singleton<IActorContext>(sp => new RequestActor(sp.GetRequiredService<IHttpContextAccessor>(), settings.Actor)));
        builder.Services.AddApiAuthentication();
        builder.Services.AddWebSessionAuthentication();
        builder.Services.AddWebApp();
        builder.Services.AddSingleton(new ErrorStatus(ProblemMapping.StatusOf));
        builder.Services.AddProblemDetails();
        builder.AddRequestLimits(settings.Api);
        builder.Services.AddLargeReceiveBlocks();
        builder.Services.AddSingleton(settings.Api);
        builder.Services.AddSingleton(new PublicAddress(settings.PublicBaseUrl));
        builder.Services.AddSingleton<HealthMonitor>();

        // The OpenAPI document is served at /openapi/v1.json.
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "EvidenceVault";
            document.Info.Description = "Full-process recording of administrative law enforcement: the same use cases as the evidencevault CLI.";
            return Task.CompletedTask;
        }));
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddSingleton(new DownloadArea(Path.Combine(settings.DataDirectory, "downloads")));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(EvidenceVaultMetrics.MeterName).AddPrometheusExporter());
        if (workers > 0)
        {
            builder.Services.AddJobWorkers(workers);
        }
        builder.Services.AddHostedService<UploadSweeper>();
        builder.Services.AddHostedService<CheckpointService>();
        builder.Services.AddPublicationSchedule();
        configure?.Invoke(builder.Services);

        var app = builder.Build();

        // Created now, so the queue gauges are there for the first scrape, before anything is ingested.
        app.Services.GetRequiredService<EvidenceVaultMetrics>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        TusEndpoints.UseResumableHeader(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.MapOpenApi().RequireRateLimiting(RequestLimits.Anonymous);
        // An anonymous caller gets only the report's status; 503 carries the same body as 200.
        app.MapGet("/healthz", HealthEndpoint.CheckAsync).Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable).RequireRateLimiting(RequestLimits.Anonymous);
        // Metrics name vault backends, queue depths and error rates: for a scraper holding a credential, not for anyone.
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(new HttpMethodMetadata(["GET"])).RequireActor();
        AuthEndpoints.Map(app.MapGroup("/auth"));
        var recordings = app.MapGroup("/recordings").RequireActor();
        RecordingEndpoints.Map(recordings);
        RetentionEndpoints.MapRecordingRetention(recordings);
        RedactionEndpoints.Map(recordings);
        CaseEndpoints.Map(app.MapGroup("/cases").RequireActor());
        CaseActivityEndpoints.MapDeadlines(app.MapGroup("/deadlines").RequireActor());
        RetentionEndpoints.MapHolds(app.MapGroup("/holds").RequireActor());
        RetentionEndpoints.Map(app.MapGroup("/retention").RequireActor());
        RetrievalEndpoints.Map(app.MapGroup("/retrievals").RequireActor());
        AuditEndpoints.Map(app.MapGroup("/audit").RequireActor());
        PublicationEndpoints.Map(app.MapGroup("/disclosure/publications").RequireActor());
        DrawEndpoints.Map(app.MapGroup("/draws").RequireActor());
        DrawEndpoints.MapSpotChecks(app.MapGroup("/spot-checks").RequireActor());
        TusEndpoints.Map(app.MapGroup("/uploads").AddEndpointFilter(TusEndpoints.TusResumable).RequireActor());
        InspectionEndpoints.Map(app.MapGroup("/inspections").RequireActor());
        TusEndpoints.Map(app.MapGroup(WebUploads.Path).AddEndpointFilter(TusEndpoints.TusResumable).RequireAuthorization(WebApp.Policy).ExcludeFromDescription());
        WebEndpoints.Map(app);
        app.MapWebApp();
        return app;
    }
}
