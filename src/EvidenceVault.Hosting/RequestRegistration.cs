using EvidenceVault.Application;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Requests;
using EvidenceVault.Storage.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Hosting;

/// <summary>Information requests (依申请公开) in the internal hosts, and the public site's one write port.</summary>
public static class RequestRegistration
{
    /// <summary>The custody actor of requests that came through the public form: the applicant is anonymous to the ledger.</summary>
    public const string PublicFormActor = "public-form";

    /// <summary>The store, the reply rule, and the reply clocks on the deadline listing.</summary>
    public static IServiceCollection AddInformationRequests(this IServiceCollection services, WorkingDayCalendar calendar)
    {
        services.AddSingleton<IInformationRequestStore, SqlInformationRequestStore>();
        services.AddSingleton(new ReplyRules(calendar));
        services.AddSingleton<RequestReceipt>();
        services.AddSingleton<IDeadlineSource, ReplyDeadlines>();
        return services;
    }

    /// <summary>
    /// The public site's submission port and status lookup, built here with their own store so that the site's container holds these
    /// two alone: nothing there lists, finds or changes a request; the lookup reads only the published status rows by lookup hash.
    /// </summary>
    public static IServiceCollection AddRequestIntake(this IServiceCollection services, EvidenceVaultSettings settings)
    {
        var calendar = HolidayCalendars.Load(settings.CalendarFile);
        var zone = new StationTimeZone(RecorderProfiles.Zone(settings.LocalTimeZone));
        var database = CatalogDatabase.Open(settings.CatalogLocation);
        var store = new SqlInformationRequestStore(database);
        services.AddSingleton(new RequestStatusLookup(new SqlRequestStatusRows(database)));
        services.AddSingleton<IRequestIntake>(sp =>
            new RequestIntake(new RequestReceipt(store, new ReplyRules(calendar)), zone, new CustodyEntries(new FixedActor(PublicFormActor), sp.GetRequiredService<TimeProvider>())));
        return services;
    }
}
