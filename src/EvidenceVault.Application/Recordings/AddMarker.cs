using EvidenceVault.Application.Access;
using EvidenceVault.Application.Custody;
using EvidenceVault.Domain.Access;
using EvidenceVault.Domain.Recordings;
using Mediator;

namespace EvidenceVault.Application.Recordings;

/// <summary>
/// A marker with a note at a moment of a recording, by whoever may see the recording (under a grant where needed).
/// It is written only to the custody ledger, so an annotation can never be edited or removed quietly.
/// </summary>
public sealed record AddMarkerCommand(RecordingId Id, double AtSeconds, string Note, RetrievalId? Grant = null) : ICommand<RecordingMarker>;

/// <summary>One marker as the ledger holds it: where, what, who and when.</summary>
public sealed record RecordingMarker(double AtSeconds, string Note, string By, DateTimeOffset At)
{
    /// <summary>The markers among a recording's custody entries, in media-time order.</summary>
    public static List<RecordingMarker> In(IEnumerable<CustodyRecord> trail) =>
    [
        .. trail
            .Select(r => (r.Entry, Details: CustodyEntries.Read<MarkerAddedDetails>(r.Entry)))
            .Where(m => m.Details is not null)
            .Select(m => new RecordingMarker(m.Details!.AtSeconds, m.Details.Note, m.Entry.Actor, m.Entry.At))
            .OrderBy(m => m.AtSeconds)
            .ThenBy(m => m.At),
    ];
}

public sealed class AddMarkerHandler(ICustodyLog custody, CustodyEntries entries, RecordingAccess access) : ICommandHandler<AddMarkerCommand, RecordingMarker>
{
    public async ValueTask<RecordingMarker> Handle(AddMarkerCommand command, CancellationToken cancellationToken)
    {
        var (recording, grant) = await access.RequireEntryAsync(command.Id, command.Grant, cancellationToken);
        if (string.IsNullOrWhiteSpace(command.Note))
        {
            throw new FormatException("A marker needs a note saying what is at that moment.");
        }

        if (!double.IsFinite(command.AtSeconds) || command.AtSeconds < 0 || recording.DurationSeconds is { } duration && command.AtSeconds > duration)
        {
            throw new FormatException($"A marker's time must lie within the recording (0 to {recording.DurationSeconds?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "its end"} s), not {command.AtSeconds} s.");
        }

        var entry = entries.Entry(command.Id.Value, new MarkerAddedDetails(Math.Round(command.AtSeconds, 3), command.Note.Trim(), grant?.Id.ToString()));
        await custody.AppendAsync(entry, cancellationToken);
        return new RecordingMarker(Math.Round(command.AtSeconds, 3), command.Note.Trim(), entry.Actor, entry.At);
    }
}
