using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Vault;

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

/// <summary>
/// The complete file hashed as declared and was ingested (<see cref="Status"/> stored, duplicate...). <see cref="Handover"/>
/// says how the vault took the received bytes: <c>moved</c> (no copy), <c>copied: why</c>, or <c>already-present</c>.
/// </summary>
public sealed record UploadCompletedDetails(string RecordingId, string Status, string Sha256, long Size, string? Handover = null) : ICustodyDetails
{
    public static string Action => CustodyActions.UploadCompleted;
}

/// <summary>The custody text of a vault adoption.</summary>
public static class HandoverText
{
    public static string? Of(VaultAdoption? adoption) => adoption switch
    {
        null => null,
        { Method: AdoptionMethod.Moved } => "moved",
        { Method: AdoptionMethod.AlreadyPresent } => "already-present",
        { Note: { } note } => $"copied: {note}",
        _ => "copied",
    };
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
