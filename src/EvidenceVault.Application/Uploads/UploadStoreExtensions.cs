using EvidenceVault.Domain.Uploads;

namespace EvidenceVault.Application.Uploads;

public static class UploadStoreExtensions
{
    /// <summary>
    /// The caller's upload, still open to them: someone else's upload is reported as not found (its URL reveals
    /// nothing), an expired or refused one as gone.
    /// </summary>
    public static async Task<UploadState> RequireAsync(this IUploadStore store, UploadId id, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await store.FindAsync(id, cancellationToken);
        if (state is null || state.Upload.Owner != actor)
        {
            throw new UploadNotFoundException($"There is no upload {id}.");
        }

        if (state.Outcome is { Status: UploadOutcome.Refused } refused)
        {
            throw new UploadGoneException($"Upload {id} was refused: {refused.Reason}");
        }

        if (state.Outcome is null && now >= state.Upload.ExpiresAt)
        {
            throw new UploadGoneException($"Upload {id} expired at {state.Upload.ExpiresAt:O} before it was complete; start a new upload.");
        }

        return state;
    }

    /// <summary>
    /// Refuses when the store cannot take <paramref name="bytes"/> more and still keep the reserve free, counting what
    /// other unfinished uploads have declared and not yet sent (<paramref name="reserved"/>).
    /// </summary>
    public static void RequireSpace(this IUploadStore store, long bytes, UploadLimits limits, long reserved = 0)
    {
        var available = store.AvailableBytes();
        if (available - reserved - limits.ReservedFreeBytes < bytes)
        {
            throw new InsufficientUploadSpaceException(
                $"Not enough space for {bytes} more bytes: {Math.Max(0, available)} bytes are free, {reserved} are promised to unfinished uploads and {limits.ReservedFreeBytes} must stay free.");
        }
    }
}
