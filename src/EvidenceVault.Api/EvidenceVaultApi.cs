using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Diagnostics;
using EvidenceVault.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace EvidenceVault.Api;

/// <summary>The HTTP front door: the same <c>AddEvidenceVault</c> composition the CLI uses.</summary>
public static class EvidenceVaultApi
{
    /// <summary>Loopback only by default: until bearer tokens land the actor header is trusted as is.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The API host; with <paramref name="workers"/> above zero it also runs that many job workers (role all).</summary>
    public static WebApplication Build(EvidenceVaultSettings settings, IReadOnlyList<string> urls, int workers = 0)
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
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(EvidenceVaultMetrics.MeterName).AddPrometheusExporter());
        if (workers > 0)
        {
            builder.Services.AddJobWorkers(workers);
        }

        var app = builder.Build();

        // Created now, so the queue gauges are there for the first scrape, before anything is ingested.
        app.Services.GetRequiredService<EvidenceVaultMetrics>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/healthz", HealthEndpoint.CheckAsync);
        app.MapPrometheusScrapingEndpoint("/metrics");
        RecordingEndpoints.Map(app.MapGroup("/recordings").AddEndpointFilter(RequireActor));
        return app;
    }

    /// <summary>Evidence is never touched anonymously: custody entries must name someone.</summary>
    private static async ValueTask<object?> RequireActor(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        HeaderActor.Of(context.HttpContext) is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "ActorRequired", detail: $"Name the acting user in the {HeaderActor.HeaderName} header (a placeholder until sign-in and bearer tokens arrive).")
            : await next(context);
}
