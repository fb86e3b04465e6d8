using Bunit;
using EvidenceVault.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EvidenceVault.Web.Tests.Components;

/// <summary>A bUnit context with the app's words on a station clock of UTC+8 and a reader who may choose English.</summary>
public abstract class ComponentContext : BunitContext
{
    protected static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("station", TimeSpan.FromHours(8), "station", "station");

    private readonly DefaultHttpContext _request = new();

    protected ComponentContext()
    {
        Services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor { HttpContext = _request });
        Services.AddSingleton(new StationTimeZone(Beijing));
        Services.AddScoped<Ui>();
    }

    protected void ReadInEnglish() => _request.Request.Headers.Cookie = $"{Ui.LanguageCookie}={Ui.English}";
}
