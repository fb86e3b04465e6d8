using System.Net;
using System.Text.RegularExpressions;

namespace EvidenceVault.Api.Tests;

/// <summary>
/// A browser without JavaScript: cookies, no automatic redirects, and forms posted with their hidden fields (the
/// antiforgery token and Blazor's <c>_handler</c>) as a browser would post them.
/// </summary>
public sealed partial class WebBrowser : IDisposable
{
    private readonly HttpClient _client;

    public WebBrowser(Uri address)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        // What a browser's navigations and form posts say they accept.
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _client;

    public string? SessionCookie => Cookies.GetCookies(_client.BaseAddress!)["evidencevault-session"]?.Value;

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string user, string password, string returnUrl = "/")
    {
        var page = await (await _client.GetAsync($"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}")).Content.ReadAsStringAsync();
        return await PostFormAsync("/sign-in", page, "sign-in", new() { ["Form.User"] = user, ["Form.Password"] = password });
    }

    /// <summary>Posts the form named <paramref name="handler"/> found in <paramref name="page"/>, with its hidden fields and <paramref name="fields"/>.</summary>
    /// <remarks>The browser names the page the form was on (<paramref name="referer"/>) as the Referer.</remarks>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string page, string handler, Dictionary<string, string> fields, string? referer = null)
    {
        var form = FormOf(page, handler);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match hidden in HiddenInput().Matches(form))
        {
            values[WebUtility.HtmlDecode(hidden.Groups["name"].Value)] = WebUtility.HtmlDecode(hidden.Groups["value"].Value);
        }

        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(values) };
        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(_client.BaseAddress!, referer);
        }

        return await _client.SendAsync(request);
    }

    public static string FormOf(string page, string handler)
    {
        foreach (Match form in Form().Matches(page))
        {
            // A Blazor form names itself in _handler; a plain form is found by its action.
            var marker = handler.StartsWith('/') ? $"action=\"{handler}\"" : $"name=\"_handler\" value=\"{handler}\"";
            if (form.Value.Contains(marker, StringComparison.Ordinal))
            {
                return form.Value;
            }
        }

        throw new InvalidOperationException($"The page has no form {handler}:\n{page}");
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
