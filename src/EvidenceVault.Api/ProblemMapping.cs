using EvidenceVault.Application;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Catalog;
using EvidenceVault.Application.Export;
using EvidenceVault.Application.Fixity;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Application.Vault;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Calendar;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Retention;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EvidenceVault.Api;

/// <summary>
/// Turns the use cases' exceptions into RFC 9457 problem details that carry our reason code (the exception's
/// name, e.g. <c>CaseConflict</c>) as title, as the CLI maps them to exit codes.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>How long a client should wait before retrying when the vault itself names no time (its breaker is not open).</summary>
    public const int StorageRetryAfterSeconds = 30;

    public static int? StatusOf(Exception exception) => exception switch
    {
        RecordingNotFoundException or NotFoundException or IncidentNotFoundException => StatusCodes.Status404NotFound,
        AccessDeniedException => StatusCodes.Status403Forbidden,
        FormatException or AccessRuleException or CalendarCoverageException => StatusCodes.Status400BadRequest,
        RecordingDestroyedException => StatusCodes.Status410Gone,

        // The request is well formed but the case, the rules or the bytes' integrity do not allow it now.
        CaseConflictException or DeletionRuleException or LegalReviewRequiredException or ExportRefusedException or RetrievalRefusedException => StatusCodes.Status409Conflict,
        VaultUnavailableException or CatalogUnavailableException => StatusCodes.Status503ServiceUnavailable,

        // Uploads (tus): 460 is tus's "Checksum Mismatch"; 422 for a whole file that is not what was declared.
        UploadNotFoundException => StatusCodes.Status404NotFound,
        UploadGoneException => StatusCodes.Status410Gone,
        UploadOffsetConflictException => StatusCodes.Status409Conflict,
        ChunkChecksumMismatchException => 460,
        UploadTooLargeException => StatusCodes.Status413PayloadTooLarge,
        UnsupportedUploadTypeException => StatusCodes.Status415UnsupportedMediaType,
        UploadRefusedException => StatusCodes.Status422UnprocessableEntity,
        UploadsBusyException or UploadIngestFailedException => StatusCodes.Status503ServiceUnavailable,
        InsufficientUploadSpaceException => StatusCodes.Status507InsufficientStorage,
        _ => null,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StatusOf(exception) is not { } status)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (exception is UploadsBusyException busy)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
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
            ProblemDetails = new ProblemDetails { Status = status, Title = exception.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal), Detail = exception.Message },
        });
    }
}
