using EvidenceVault.Application.Uploads;
using EvidenceVault.Domain.Cases;
using EvidenceVault.Domain.Recordings;
using EvidenceVault.Domain.Uploads;

namespace EvidenceVault.Storage.Uploads;

/// <summary>The JSON shape of an upload's record (info.json) in every upload store: value objects as their text.</summary>
internal sealed record UploadInfo(
    string Id, long Length, string ClientName, string SafeName, string Sha256, string? Device, string? Officer,
    string? Case, ProcedureStage? Stage, string? DocumentType, string Owner, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public static UploadInfo Of(NewUpload u) => new(
        u.Id.Value, u.Length, u.ClientName, u.SafeName, u.DeclaredSha256.Hex, u.Device?.Value, u.Officer?.Value,
        u.Case?.Value, u.Stage, u.DocumentType, u.Owner, u.CreatedAt, u.ExpiresAt);

    public NewUpload ToUpload() => new()
    {
        Id = UploadId.TryParse(Id, out var id) ? id : throw new IOException($"'{Id}' is not an upload id."),
        Length = Length,
        ClientName = ClientName,
        SafeName = SafeName,
        DeclaredSha256 = Sha256Digest.Parse(Sha256),
        Device = Device is null ? null : DeviceId.Parse(Device),
        Officer = Officer is null ? null : OfficerId.Parse(Officer),
        Case = Case is null ? null : CaseNumber.Parse(Case),
        Stage = Stage,
        DocumentType = DocumentType,
        Owner = Owner,
        CreatedAt = CreatedAt,
        ExpiresAt = ExpiresAt,
    };
}
