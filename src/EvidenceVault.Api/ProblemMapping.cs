using EvidenceVault.Application;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Application.Vault;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EvidenceVault.Api;

/// <summary>
/// Turns the use cases' errors into RFC 9457 problem details: the title is the error's stable reason code
/// (<see cref="Errors"/>, e.g. <c>case-conflict</c>), <c>kind</c> its kind, and the status comes from one table of
/// kinds (the CLI has the matching table of exit codes); a few codes keep the status their protocol names (tus).
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>How long a client should wait before retrying when the vault itself names no time (its breaker is not open).</summary>
    public const int StorageRetryAfterSeconds = 30;

    public static int StatusOf(ErrorCode error) => error.Code switch
    {
        "recording-destroyed" or "upload-gone" => StatusCodes.Status410Gone,
        "upload-too-large" => StatusCodes.Status413PayloadTooLarge,
        "unsupported-upload-type" => StatusCodes.Status415UnsupportedMediaType,
        "upload-refused" => StatusCodes.Status422UnprocessableEntity,
        "chunk-checksum-mismatch" => 460, // tus's "Checksum Mismatch"
        "insufficient-storage" => StatusCodes.Status507InsufficientStorage,
        "account-locked" => StatusCodes.Status423Locked,
        "sign-in-failed" => StatusCodes.Status401Unauthorized,
        _ => error.Kind switch
        {
            ErrorKind.Invalid => StatusCodes.Status400BadRequest,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Denied => StatusCodes.Status403Forbidden,
            ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        },
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Errors.Classify(exception) is not { } error)
        {
            return false;
        }

        var status = StatusOf(error);
        httpContext.Response.StatusCode = status;
        if (exception is UploadsBusyException busy)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (exception is UploadStoreUnavailableException down)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(down.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (exception is CatalogUnavailableException)
        {
            httpContext.Response.Headers.RetryAfter = StorageRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // While the breaker is open, the end of its break is when a retry can succeed.
            var wait = httpContext.RequestServices.GetService<IVaultHealth>()?.Current.RetryAfter is { } asked ? (int)Math.Ceiling(asked.TotalSeconds) : StorageRetryAfterSeconds;
            httpContext.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = error.Code, Detail = exception.Message, Extensions = { ["kind"] = Kind(error.Kind) } },
        });
    }

    /// <summary>The kind as the problem body spells it: not-found, conflict, invalid, denied, unavailable, integrity.</summary>
    public static string Kind(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => "not-found",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
