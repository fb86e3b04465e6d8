using EvidenceVault.Domain.Ingestion;
using EvidenceVault.Domain.Naming;
using EvidenceVault.Domain.Recordings;

namespace EvidenceVault.Application.Ingestion;

/// <summary>Who recorded a file, on which device, when, and how important it is.</summary>
public sealed record Provenance(DeviceId? Device, OfficerId? Officer, DateTimeOffset? RecordedAt, string RecordedAtSource, int? Mark, IReadOnlyList<Reason> Notes);

/// <summary>
/// Combines name hints (recorder profiles), the options given for the dock, and container metadata.
/// Names are hints: values that do not make valid ids are dropped with a note rather than failing the file.
/// </summary>
public sealed class ProvenanceResolver(RecorderNameParser parser)
{
    public Provenance Resolve(string relativePath, IngestOptions options, DateTimeOffset? containerCreatedAt, DateTimeOffset fileWriteTime)
    {
        var parsed = parser.Parse(relativePath);
        var notes = new List<Reason>();
        var device = TryId(parsed?.Device, DeviceId.Parse) ?? options.Device;
        var officer = TryId(parsed?.Officer, OfficerId.Parse) ?? options.Officer;
        if (parsed?.RecordedAt is { } named)
        {
            return new Provenance(device, officer, named, "name:" + parsed.Profile, parsed.Mark, notes);
        }

        if (containerCreatedAt is { } created)
        {
            return new Provenance(device, officer, created, "container", parsed?.Mark, notes);
        }

        notes.Add(new Reason(
            ReasonCodes.TimeFromFileSystem,
            "Neither the name nor the container carries a recording time; the file's modification time is used until media work finds one."));
        return new Provenance(device, officer, fileWriteTime, "file-system", parsed?.Mark, notes);
    }

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
}
