using EvidenceVault.Application;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Behaviors;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Draws;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Application.Media;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Redaction;
using EvidenceVault.Application.Registry;
using EvidenceVault.Application.Retrieval;
using EvidenceVault.Application.Sources;
using EvidenceVault.Application.SpotChecks;
using EvidenceVault.Devices;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Linking;
using EvidenceVault.Domain.Naming;
using EvidenceVault.Media.FFmpeg;
using EvidenceVault.Storage.Catalog;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EvidenceVault.Hosting;

/// <summary>The one composition every host uses.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddEvidenceVault(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        var profiles = RecorderProfiles.Load(settings.ProfilesFile);
        var zone = RecorderProfiles.Zone(settings.LocalTimeZone);
        var calendar = HolidayCalendars.Load(settings.CalendarFile);
        ServiceConfiguration.Bind(settings.Configuration, "Ffmpeg", new FfmpegOptions()); // a wrong timeout stops the start, not the first transcode
        Directory.CreateDirectory(settings.DataDirectory);

        services.AddLogging(logging => logging.SetMinimumLevel(settings.LogLevel)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter("Microsoft", LogLevel.Warning));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IActorContext>(new FixedActor(settings.Actor));
        services.AddSingleton(new StagingArea(settings.StagingRoot));
        services.AddSingleton(CatalogDatabase.Open(settings.CatalogLocation));
        services.AddSingleton<ICatalog, SqlCatalog>();
        services.AddSingleton<ICustodyLog, SqlCustodyLog>();
        services.AddSingleton<ICaseStore, SqlCaseStore>();
        services.AddSingleton<CustodyEntries>();
        services.AddSingleton<CheckpointWriter>();
        services.AddSingleton<IRegistry, SqlRegistry>();
        services.AddSingleton<IFixityStore, SqlFixityStore>();
        services.AddSingleton<OriginalFixity>();
        services.AddSingleton<DerivativeFixity>();
        services.AddSingleton<IntegrityIncidents>();
        services.AddSingleton<VerificationCache>();
        services.AddSingleton<RetrievalGate>();
        services.AddSingleton<IUserStore, SqlUserStore>();
        services.AddSingleton<IRetrievalStore, SqlRetrievalStore>();
        services.AddSingleton<IDrawStore, SqlDrawStore>();
        services.AddSingleton<ISpotCheckReviewStore, SqlSpotCheckReviewStore>();
        services.AddSingleton<AccessControl>();
        services.AddSingleton<RecordingAccess>();
        services.AddSingleton<CaseAccess>();
        services.AddSingleton<ListAccess>();
        services.AddSingleton(settings.Retrieval);
        services.AddSingleton(settings.SpotChecks);
        services.AddSingleton<SpotCheckGrants>();
        services.AddSingleton(settings.Text);
        services.AddSingleton<IncrementalChainCheck>();
        services.AddSingleton<IGrantCheck>(sp => sp.GetRequiredService<RecordingAccess>());
        services.AddSingleton<RetrievalDecisions>();
        services.AddSingleton(LinkingPolicy.Default);
        services.AddSingleton<AutoLinker>();
        services.AddSingleton<Application.Audit.CatalogConsistency>();
        services.AddSingleton<Application.Audit.AccessConsistency>();
        services.AddSingleton<Application.Audit.LedgerAudit>();
        services.AddSingleton(new CompletenessChecker(CompletenessRules.LoadBuiltIn()));
        services.AddSingleton(new DisclosureRules(calendar));
        services.AddVault(settings);
        services.AddRetention(settings);
        services.AddSignIn(settings);
        services.AddPublication(settings);
        services.AddInformationRequests(calendar);
        services.AddPriorDisclosure(settings);
        services.AddInspections();
        services.AddSigning(settings);
        services.AddUploads(settings);
        services.AddFfmpegMedia(o =>
        {
            o.BinaryFolder = settings.FfmpegFolder;
            ServiceConfiguration.Bind(settings.Configuration, "Ffmpeg", o);
        });
        services.AddSingleton<IRecorderSourceFactory, RecorderSourceFactory>();
        services.AddSingleton(new RecorderNameParser(profiles, zone));
        services.AddSingleton(new StationTimeZone(zone));
        services.AddSingleton<ProvenanceResolver>();
        services.AddSingleton<SourceWiper>();
        services.AddSingleton<FileIngestor>();
        services.AddSingleton<MediaProcessor>();
        services.AddSingleton<DerivativeStore>();
        services.AddSingleton<IRedactionStore, SqlRedactionStore>();
        services.AddSingleton<RedactedCopies>();
        services.AddJobs();
        services.AddStationUseCases(settings);
        services.AddSingleton(sp => new ProxyDiagnostics(sp.GetRequiredService<IMediaProbe>(), (FfmpegMediaTranscoder)sp.GetRequiredService<IMediaTranscoder>()));
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Singleton;
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(TextLimitBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(CaseAuthorizationBehavior<,>)];
        });
        return services;
    }
}
