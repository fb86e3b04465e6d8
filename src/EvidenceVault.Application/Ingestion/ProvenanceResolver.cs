using EvidenceVault.Application.Registry;
using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Naming;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Ingestion;

/// <summary>Who recorded a file, on which device, when, how important it is, and how well founded the attribution is.</summary>
public sealed record Provenance(DeviceId? Device, OfficerId? Officer, DateTimeOffset? RecordedAt, string RecordedAtSource, int? Mark, AttributionBasis Basis, IReadOnlyList<Reason> Notes);

/// <summary>
/// The one place a file's device and officer are decided. Names are hints: values that do not make valid ids are
/// dropped, and a name never outranks a trusted source. A docked file's device is the dock's (the options'), its officer
/// the one the registry bound that device to at the recording time; an officer's own upload is attributed to the
/// uploader, whatever its name and metadata claim.
/// </summary>
public sealed class ProvenanceResolver(RecorderNameParser parser, IRegistry registry)
{
    public async Task<Provenance> ResolveAsync(string relativePath, IngestOptions options, DateTimeOffset? containerCreatedAt, DateTimeOffset fileWriteTime, CancellationToken cancellationToken)
    {
        var parsed = parser.Parse(relativePath);
        var notes = new List<Reason>();
        var (recordedAt, source) = parsed?.RecordedAt is { } named ? (named, RecordedTimeSource.Name(parsed.Profile))
            : containerCreatedAt is { } created ? (created, RecordedTimeSource.Container)
            : (fileWriteTime, RecordedTimeSource.FileSystem);
        if (source == RecordedTimeSource.FileSystem)
        {
            notes.Add(new Reason(
                ReasonCodes.TimeFromFileSystem,
                "Neither the name nor the container carries a recording time; the file's modification time is used until media work finds one."));
        }

        var name = new Claim(TryId(parsed?.Device, DeviceId.Parse), TryId(parsed?.Officer, OfficerId.Parse));
        var (device, officer, basis) = options.Uploader is { } uploader
            ? await UploadedAsync(uploader, [new Claim(options.Device, options.Officer), name], recordedAt, notes, cancellationToken)
            : await DockedAsync(options, name, recordedAt, notes, cancellationToken);
        return new Provenance(device, officer, recordedAt, source, parsed?.Mark, basis, notes);
    }

    /// <summary>The dock's device (else the name's), and the officer bound to it then, else the declared one, else the name's.</summary>
    private async Task<(DeviceId?, OfficerId?, AttributionBasis)> DockedAsync(IngestOptions options, Claim name, DateTimeOffset at, List<Reason> notes, CancellationToken cancellationToken)
    {
        var device = options.Device ?? name.Device;
        var bound = device is { } d ? await BoundOfficerAsync(d, at, cancellationToken) : null;
        // A binding found through a device the name claims gives the officer, but is only as well founded as the name.
        var (officer, basis) = bound is { } b ? (b, options.Device is null ? AttributionBasis.Name : AttributionBasis.DeviceBinding)
            : options.Officer is { } declared ? (declared, AttributionBasis.Declared)
            : name.Officer is { } named ? (named, AttributionBasis.Name)
            : ((OfficerId?)null, options.Device is not null ? AttributionBasis.Declared : name.Device is not null ? AttributionBasis.Name : AttributionBasis.None);
        if (name.Officer is { } claimed && officer is { } kept && claimed != kept)
        {
            var why = bound is null ? "the dock declared" : $"the registry bound device {device} to";
            notes.Add(new Reason(ReasonCodes.NameOfficerMismatch, $"The name names officer {claimed}, but {why} officer {kept} at the recording time; {kept} is kept."));
        }

        return (device, officer, basis);
    }

    /// <summary>The uploader's officer, and a claimed device only when it was not bound to someone else at the recording time.</summary>
    private async Task<(DeviceId?, OfficerId?, AttributionBasis)> UploadedAsync(UploaderAttribution uploader, Claim[] claims, DateTimeOffset at, List<Reason> notes, CancellationToken cancellationToken)
    {
        var own = uploader.Officer;
        var foreign = claims.Select(c => c.Officer).OfType<OfficerId>().Where(o => o != own).Distinct().Select(o => $"officer {o}").ToList();
        DeviceId? kept = null;
        foreach (var device in claims.Select(c => c.Device).OfType<DeviceId>().Distinct())
        {
            if (await BoundOfficerAsync(device, at, cancellationToken) is { } holder && holder != own)
            {
                foreign.Add($"device {device} (bound to officer {holder} then)");
                continue;
            }

            kept ??= device;
        }

        if (foreign.Count > 0)
        {
            var uploaderText = own is { } o ? $"officer {o}" : "a user without an officer number";
            notes.Add(new Reason(
                ReasonCodes.ProvenanceMismatch,
                $"The upload's name or metadata names {string.Join(" and ", foreign)}, but it was uploaded by {uploaderText}: it is attributed to the uploader."));
        }

        return (kept, own, AttributionBasis.Uploader);
    }

    private async Task<OfficerId?> BoundOfficerAsync(DeviceId device, DateTimeOffset at, CancellationToken cancellationToken) =>
        (await registry.BindingsAsync(device, cancellationToken)).FirstOrDefault(b => b.InForceAt(at))?.Officer;

    private static T? TryId<T>(string? value, Func<string, T> parse)
        where T : struct
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return parse(value);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A device and officer someone claims (a name, or an uploader's metadata).</summary>
    private readonly record struct Claim(DeviceId? Device, OfficerId? Officer);
}
