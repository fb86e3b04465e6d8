using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Uploads;

// The custody details of resumable uploads (tus), subject = the upload id.

/// <summary>An upload begun: the client's name and the name it is kept under, the declared length and hash, and the claims.</summary>
public sealed record UploadCreatedDetails(
    string FileName,
    string SafeName,
    long Length,
    string Sha256,
    string? Device,
    string? Officer,
    string? Case,
    string? Stage,
    DateTimeOffset ExpiresAt) : ICustodyDetails
{
    public static string Action => CustodyActions.UploadCreated;
}

/// <summary>The complete file hashed as declared and was ingested (<see cref="Status"/> stored, duplicate...).</summary>
public sealed record UploadCompletedDetails(string RecordingId, string Status, string Sha256, long Size) : ICustodyDetails
{
    public static string Action => CustodyActions.UploadCompleted;
}

public sealed record UploadRefusedDetails(string FileName, long Length, string DeclaredSha256, string Reason) : ICustodyDetails
{
    public static string Action => CustodyActions.UploadRefused;
}

public sealed record UploadExpiredDetails(string FileName, long Offset, long Length, DateTimeOffset ExpiresAt, string Owner) : ICustodyDetails
{
    public static string Action => CustodyActions.UploadExpired;
}

public sealed record UploadTerminatedDetails(string FileName, long Offset, long Length, string? RecordingId) : ICustodyDetails
{
    public static string Action => CustodyActions.UploadTerminated;
}
