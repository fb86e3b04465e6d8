using System.Globalization;
using EvidenceVault.Application;

namespace EvidenceVault.Web;

/// <summary>
/// The words of the app in the reader's language: Chinese first, English second, chosen per browser with the
/// language switch (a cookie, so it holds across sign-ins) and dates in the station's time zone.
/// </summary>
public sealed class Ui(IHttpContextAccessor http, StationTimeZone station)
{
    public const string LanguageCookie = "evidencevault-lang";
    public const string Chinese = "zh-CN";
    public const string English = "en";

    /// <summary><see cref="Chinese"/> unless the reader chose <see cref="English"/>.</summary>
    public string Language => http.HttpContext?.Request.Cookies[LanguageCookie] == English ? English : Chinese;

    public bool IsEnglish => Language == English;

    public TimeZoneInfo Zone => station.Zone;

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language == English ? "en-GB" : "zh-CN");

    /// <summary>The text for <paramref name="key"/>; a key with no entry shows itself, which a test catches.</summary>
    public string this[string key] => UiTexts.All.TryGetValue(key, out var text) ? (IsEnglish ? text.En : text.Zh) : key;

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>A moment as the station's wall clock shows it, with the offset so it is never ambiguous.</summary>
    public string Time(DateTimeOffset? moment) =>
        moment is { } m ? TimeZoneInfo.ConvertTime(m, station.Zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : "—";

    public string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", Culture) ?? "—";

    public string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(Culture, $"{bytes / 1024.0:0.#} KiB"),
        < 1024L * 1024 * 1024 => string.Create(Culture, $"{bytes / 1024.0 / 1024:0.#} MiB"),
        _ => string.Create(Culture, $"{bytes / 1024.0 / 1024 / 1024:0.##} GiB"),
    };

    public string Duration(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(Math.Round(s)).ToString(@"h\:mm\:ss", Culture) : "—";
}
