namespace EvidenceVault.Application.Uploads;

/// <summary>No such upload (or it belongs to someone else, which is not revealed).</summary>
public sealed class UploadNotFoundException(string message) : Exception(message);

/// <summary>The upload expired or was refused: its URL will not take bytes again.</summary>
public sealed class UploadGoneException(string message) : Exception(message);

/// <summary>The client's <c>Upload-Offset</c> is not where the upload stands.</summary>
public sealed class UploadOffsetConflictException(string message) : Exception(message);

/// <summary>The chunk's bytes do not hash to the <c>Upload-Checksum</c> sent with them; nothing of it was kept.</summary>
public sealed class ChunkChecksumMismatchException(string message) : Exception(message);

/// <summary>Larger than the configured maximum, or more bytes than the declared length.</summary>
public sealed class UploadTooLargeException(string message) : Exception(message);

/// <summary>The file name says it is a kind of file we do not take.</summary>
public sealed class UnsupportedUploadTypeException(string message) : Exception(message);

/// <summary>Not enough space left for the rest of the upload (free disk space minus the reserve).</summary>
public sealed class InsufficientUploadSpaceException(string message) : Exception(message);

/// <summary>The user already has as many unfinished uploads, or as many bytes still owed, as one user may.</summary>
public sealed class UploadQuotaExceededException(string message) : Exception(message);

/// <summary>Too many transfers at once; try again after <see cref="RetryAfter"/>.</summary>
public sealed class UploadsBusyException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The complete file does not hash to the SHA-256 the client declared: it does not become evidence.</summary>
public sealed class UploadRefusedException(string message) : Exception(message);

/// <summary>The file arrived complete but the ingest could not secure it (vault failure); the same request may be repeated.</summary>
public sealed class UploadIngestFailedException(string message) : Exception(message);

/// <summary>The upload store cannot be reached; nothing of the request was kept, and it may be repeated after <see cref="RetryAfter"/>.</summary>
public sealed class UploadStoreUnavailableException(string message, TimeSpan retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
