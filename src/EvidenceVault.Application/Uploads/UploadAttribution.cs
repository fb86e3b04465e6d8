using EvidenceVault.Application.Access;
using EvidenceVault.Application.Cases;
using EvidenceVault.Application.Custody;
using EvidenceVault.Application.Ingestion;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Cases;

namespace EvidenceVault.Application.Uploads;

/// <summary>
/// Whose word an upload's name and metadata are, decided as it completes (in the uploader's own request). Stations,
/// archivists and administrators upload for others: their device and officer are declared facts. Anyone else's upload is
/// attributed to the uploader, whatever its name or metadata claim, and files only into a case the uploader works on.
/// </summary>
public sealed class UploadAttribution(AccessControl access, IActorContext actor, ICaseStore cases)
{
    public async Task<IngestOptions> OptionsAsync(NewUpload upload, CancellationToken cancellationToken)
    {
        var options = new IngestOptions(upload.Device, upload.Officer, DeferMedia: true);
        return await OwnOnlyAsync(cancellationToken) is { } user ? options with { Uploader = new UploaderAttribution(user.Officer) } : options;
    }

    /// <summary>Null when the uploader may file into the case; otherwise the refusal, already in the custody log (<c>access.denied</c>).</summary>
    public async Task<AccessDeniedException?> RefuseFilingAsync(CaseNumber number, CancellationToken cancellationToken)
    {
        if (await OwnOnlyAsync(cancellationToken) is not { } user)
        {
            return null;
        }

        var file = await cases.RequireAsync(number, cancellationToken);
        return user.Officer is { } own && file.Officers.Contains(own)
            ? null
            : await access.DenyAsync(
                number.Value,
                $"User {user.Name} is not one of the officers of case {number}: an upload is filed only into a case its uploader works on (archivists, administrators and stations file for others).",
                null,
                cancellationToken);
    }

    /// <summary>The uploader when they may attribute only to themselves; null for those who upload for others (and while access control is off).</summary>
    private async Task<User?> OwnOnlyAsync(CancellationToken cancellationToken)
    {
        var user = await access.ActingUserAsync(cancellationToken);
        return user is null || actor.Station is not null || user.Has(Role.Archivist) || user.Has(Role.Administrator) ? null : user;
    }
}
