using EvidenceVault.Application;
using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Recordings;
using EvidenceVault.Application.Uploads;
using EvidenceVault.Domain.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EvidenceVault.Api;

/// <summary>Turns the use cases' exceptions into RFC 9457 problem details that carry our reason, as the CLI maps them to exit codes.</summary>
public sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public static int? StatusOf(Exception exception) => exception switch
    {
        RecordingNotFoundException or NotFoundException => StatusCodes.Status404NotFound,
        AccessDeniedException => StatusCodes.Status403Forbidden,
        FormatException or CaseConflictException or AccessRuleException => StatusCodes.Status400BadRequest,
        RecordingDestroyedException => StatusCodes.Status410Gone,

        // The bytes failed the SHA-256 check (or there is nothing to hand out): the request cannot be served as asked.
        RetrievalRefusedException => StatusCodes.Status409Conflict,

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

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = exception.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal), Detail = exception.Message },
        });
    }
}
