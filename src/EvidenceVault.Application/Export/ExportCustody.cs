using EvidenceVault.Application.Custody;

namespace EvidenceVault.Application.Export;

/// <summary>An original put into an export package, subject = the recording: where in the package, under which grant.</summary>
public sealed record RecordingExportedDetails(string Case, string Path, string Sha256, string Package, string? GrantId) : ICustodyDetails
{
    public static string Action => CustodyActions.RecordingExported;
}

/// <summary>A case exported, subject = the case number: the package, its size and the SHA-256 of its manifest.</summary>
public sealed record CaseExportedDetails(string Package, int Recordings, int Files, long Bytes, string ManifestSha256, string? GrantId) : ICustodyDetails
{
    public static string Action => CustodyActions.CaseExported;
}
