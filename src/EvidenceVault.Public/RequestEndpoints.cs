using System.Threading.RateLimiting;
using EvidenceVault.Application.Requests;
using EvidenceVault.Domain.Requests;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EvidenceVault.Public;

/// <summary>
/// The site's one write, the information request form: GET shows it with an antiforgery token, POST submits it through
/// <see cref="IRequestIntake"/>. The one read back is the status lookup by reference and query code, which sees only the published
/// status projection. Submissions and lookups each have their own, far tighter, per-address limit (lookups so that guessing codes
/// goes nowhere).
/// </summary>
internal static class RequestEndpoints
{
    public const string SubmitPolicy = "submit-per-client";
    public const string StatusPolicy = "status-per-client";
    private const string Html = "text/html; charset=utf-8";

    public static void AddSubmitLimit(RateLimiterOptions limiter) =>
        limiter.AddPolicy(SubmitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Options(context).SubmissionsPerWindow, Window = Options(context).SubmissionWindow, QueueLimit = 0 }));

    public static void AddStatusLimit(RateLimiterOptions limiter) =>
        limiter.AddPolicy(StatusPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Options(context).StatusLookupsPerWindow, Window = Options(context).StatusLookupWindow, QueueLimit = 0 }));

    public static void Map(RouteGroupBuilder site)
    {
        site.MapGet(RequestPages.Path, (HttpContext context, IAntiforgery antiforgery) => Page(context, antiforgery, null, [], StatusCodes.Status200OK));
        site.MapPost(RequestPages.Path, SubmitAsync).RequireRateLimiting(SubmitPolicy);
        site.MapGet(RequestStatusPages.Path, (HttpContext context, IAntiforgery antiforgery) =>
            NoStore(context, Results.Content(RequestStatusPages.Form(Options(context).Title, antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty), Html)));
        site.MapPost(RequestStatusPages.Path, StatusAsync).RequireRateLimiting(StatusPolicy);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, IAntiforgery antiforgery, IRequestIntake intake, CancellationToken cancellationToken)
    {
        var options = Options(context);
        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            return Refused(context, StatusCodes.Status413PayloadTooLarge, "申请内容过长", $"申请内容超过{options.MaxRequestBytes / 1024}KB的上限，请精简后重新提交。");
        }

        // A chunked body has no length to check first: the server stops reading it at the same limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = options.MaxRequestBytes;
        }

        if (!context.Request.HasFormContentType)
        {
            return Refused(context, StatusCodes.Status415UnsupportedMediaType, "无法识别的提交", "请通过本网站的申请表提交。");
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Refused(context, StatusCodes.Status400BadRequest, "提交已过期或来源不明", "请打开申请表重新填写并提交（表单校验码缺失或不正确）。");
        }

        var form = context.Request.Form;
        var submission = new RequestSubmission(
            form["Name"], form["IdType"], form["IdNumber"], form["Phone"], form["Email"], form["Address"], form["Description"], form["Purpose"], form["Form"]);
        try
        {
            // The page holds the query code, shown this once: no cache may keep it.
            return NoStore(context, Results.Content(RequestPages.Acknowledgement(options.Title, await intake.SubmitAsync(submission, cancellationToken)), Html));
        }
        catch (InformationRequestInvalidException invalid)
        {
            return Page(context, antiforgery, submission, invalid.Problems, StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> StatusAsync(HttpContext context, IAntiforgery antiforgery, RequestStatusLookup lookup, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > Options(context).MaxRequestBytes || !context.Request.HasFormContentType)
        {
            return Refused(context, StatusCodes.Status415UnsupportedMediaType, "无法识别的提交", "请通过本网站的查询表提交。");
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Refused(context, StatusCodes.Status400BadRequest, "提交已过期或来源不明", "请打开查询页面重新填写并提交（表单校验码缺失或不正确）。");
        }

        var form = context.Request.Form;
        var title = Options(context).Title;
        var found = await lookup.LookUpAsync(form["Reference"], form["Code"], cancellationToken);
        return NoStore(context, found is null
            ? Results.Content(RequestStatusPages.NotFound(title), Html, statusCode: StatusCodes.Status404NotFound)
            : Results.Content(RequestStatusPages.Status(title, InformationRequestId.Parse(form["Reference"].ToString()), found), Html));
    }

    // A status page is one applicant's: no shared cache may keep it.
    private static IResult NoStore(HttpContext context, IResult result)
    {
        context.Response.Headers.CacheControl = "no-store";
        return result;
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, RequestSubmission? typed, IReadOnlyList<FieldProblem> problems, int status) =>
        Results.Content(RequestPages.Form(Options(context).Title, antiforgery.GetAndStoreTokens(context).RequestToken ?? string.Empty, typed, problems), Html, statusCode: status);

    private static IResult Refused(HttpContext context, int status, string title, string message) =>
        Results.Content(RequestPages.Refused(Options(context).Title, title, message), Html, statusCode: status);

    private static PublicSiteOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<PublicSiteOptions>>().Value;
}
